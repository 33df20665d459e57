'use client';

import { Loader2 } from 'lucide-react';
import * as React from 'react';

import { errorsByField } from '@/components/forms/server-errors';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/types';
import { SAVED_VIEW_NAME_MAX } from '@/lib/saved-view-types';
import { savedViewUpdateSchema } from '@/lib/validation/saved-view';

// The query has no field here: its refusal (nothing to save) shows above the buttons.
const FIELDS = ['name', 'shared'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number] | 'form', string>>;

/**
 * Names a view: "Save view" (with "Share with the team" for those who may) or "Rename". Controlled, so that a menu
 * item can open it; the dialog stays open with the server's message on a refusal (a name in use).
 */
export function SavedViewNameDialog({
  open,
  onOpenChange,
  title,
  description,
  submitLabel,
  defaultName = '',
  canShare = false,
  refusal,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  submitLabel: string;
  defaultName?: string;
  /** Offers "Share with the team" (owners and admins, when saving). */
  canShare?: boolean;
  /** Why there is nothing to name yet; shown instead of the form. */
  refusal?: string;
  onSubmit: (input: { name: string; shared: boolean }) => Promise<ActionResult<unknown>>;
}) {
  const idPrefix = React.useId();
  const [errors, setErrors] = React.useState<Errors>({});
  const [isPending, startTransition] = React.useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get('name') ?? ''), shared: form.get('shared') === 'on' };
    const parsed = savedViewUpdateSchema.pick({ name: true }).safeParse({ name: input.name });
    if (!parsed.success) {
      setErrors({ name: parsed.error.issues[0].message });
      document.getElementById(`${idPrefix}-name`)?.focus();
      return;
    }
    startTransition(async () => {
      const result = await onSubmit({ ...input, name: parsed.data.name ?? input.name });
      if (result.ok) {
        setErrors({});
        onOpenChange(false);
        return;
      }
      const { byField, firstField, formMessage } = errorsByField(result, canShare ? FIELDS : FIELDS.slice(0, 1));
      setErrors(formMessage ? { ...byField, form: formMessage } : byField);
      if (firstField === 'name') document.getElementById(`${idPrefix}-name`)?.focus();
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (isPending) return;
        onOpenChange(next);
        if (!next) setErrors({});
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {refusal ? (
          <>
            <p className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">{refusal}</p>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline">OK</Button>
              </DialogClose>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={submit} noValidate className="space-y-4">
            <Field id={`${idPrefix}-name`} label="Name" error={errors.name} hint={`Up to ${SAVED_VIEW_NAME_MAX} characters.`}>
              <Input
                id={`${idPrefix}-name`}
                name="name"
                defaultValue={defaultName}
                maxLength={SAVED_VIEW_NAME_MAX}
                autoComplete="off"
                aria-invalid={!!errors.name}
                aria-describedby={errors.name ? `${idPrefix}-name-error` : `${idPrefix}-name-hint`}
                required
              />
            </Field>
            {canShare && (
              <div className="space-y-1">
                <label className="flex items-center gap-2 text-sm text-slate-800">
                  <Checkbox name="shared" aria-describedby={`${idPrefix}-shared-hint`} />
                  Share with the team
                </label>
                <p id={`${idPrefix}-shared-hint`} className="pl-6 text-xs text-slate-600">
                  Everyone on the team sees it as a tab; only you, owners and admins can change it.
                </p>
                {errors.shared && (
                  <p role="alert" className="pl-6 text-xs font-medium text-red-600">
                    {errors.shared}
                  </p>
                )}
              </div>
            )}
            {errors.form && (
              <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
                {errors.form}
              </p>
            )}
            <DialogFooter>
              <Button type="submit" disabled={isPending}>
                {isPending && <Loader2 className="animate-spin" aria-hidden />}
                {submitLabel}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
