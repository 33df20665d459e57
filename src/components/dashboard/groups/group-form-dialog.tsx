'use client';

import { Loader2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import * as React from 'react';

import { createGroupAction, updateGroupAction } from '@/actions/groups';
import { errorsByField } from '@/components/forms/server-errors';
import { useIdempotentSubmit } from '@/components/forms/use-idempotent-submit';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { CustomerGroup } from '@/lib/types';
import { customerGroupCreateSchema, GROUP_NAME_MAX } from '@/lib/validation/customer-group';

const FIELDS = ['name', 'description'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number] | 'form', string>>;

/** Create a group, or rename/describe one (with the `updatedAt` it was read at, so a stale edit is refused). */
export function GroupFormDialog({ group, trigger }: { group?: CustomerGroup; trigger: React.ReactNode }) {
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const [errors, setErrors] = React.useState<Errors>({});
  const [isPending, startTransition] = React.useTransition();
  const submitOnce = useIdempotentSubmit();
  const idPrefix = group ? `group-${group.id}` : 'group-new';

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get('name') ?? ''), description: String(form.get('description') ?? '') };
    const parsed = customerGroupCreateSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    startTransition(async () => {
      const result = group ? await updateGroupAction(group.id, { ...input, updatedAt: group.updatedAt }) : await submitOnce(input, (key) => createGroupAction(input, key));
      if (result.ok) {
        setOpen(false);
        setErrors({});
        router.refresh();
        return;
      }
      const { byField, firstField, formMessage } = errorsByField(result, FIELDS);
      setErrors(formMessage ? { ...byField, form: formMessage } : byField);
      if (firstField) document.getElementById(`${idPrefix}-${firstField}`)?.focus();
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (isPending) return;
        setOpen(next);
        if (!next) setErrors({});
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{group ? `Edit ${group.name}` : 'New customer group'}</DialogTitle>
          <DialogDescription>Discounts and campaigns can be aimed at a group; each customer is in at most one.</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} noValidate className="space-y-4">
          <Field id={`${idPrefix}-name`} label="Name" error={errors.name} hint={`Up to ${GROUP_NAME_MAX} characters; unique.`}>
            <Input
              id={`${idPrefix}-name`}
              name="name"
              defaultValue={group?.name}
              maxLength={GROUP_NAME_MAX}
              autoComplete="off"
              aria-invalid={!!errors.name}
              aria-describedby={errors.name ? `${idPrefix}-name-error` : `${idPrefix}-name-hint`}
              required
            />
          </Field>
          <Field id={`${idPrefix}-description`} label="Description" error={errors.description}>
            <Textarea id={`${idPrefix}-description`} name="description" defaultValue={group?.description} rows={3} aria-invalid={!!errors.description} />
          </Field>
          {errors.form && (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
              {errors.form}
            </p>
          )}
          <DialogFooter>
            <Button type="submit" disabled={isPending}>
              {isPending && <Loader2 className="animate-spin" aria-hidden />}
              {group ? 'Save changes' : 'Create group'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
