'use client';

import { Loader2, Tags } from 'lucide-react';
import * as React from 'react';

import { addTagsToCustomersAction, removeTagsFromCustomersAction } from '@/actions/customers-bulk';
import { useIdempotentSubmit } from '@/components/forms/use-idempotent-submit';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Label } from '@/components/ui/label';
import { cn } from '@/lib/utils';
import { TAGS_MAX } from '@/lib/validation/customer';
import type { BulkTarget } from '@/lib/validation/customer-bulk';

import { CustomerTagsInput } from './customer-tags-input';
import { addedTagsMessage, customersCount, quotedTags, removedTagsMessage } from './customers-bulk-messages';

type Mode = 'add' | 'remove';

const MODES: { value: Mode; label: string }[] = [
  { value: 'add', label: 'Add tags' },
  { value: 'remove', label: 'Remove tags' },
];

/** Adds tags to, or removes them from, the selected customers (or all matching); answers the counts to `onDone`. */
export function CustomersBulkTagsDialog({ target, count, onDone }: { target: BulkTarget; count: number; onDone: (message: string) => void }) {
  const [open, setOpen] = React.useState(false);
  const [mode, setMode] = React.useState<Mode>('add');
  const [tags, setTags] = React.useState<string[]>([]);
  const [error, setError] = React.useState<string | null>(null);
  const [isPending, startTransition] = React.useTransition();
  const submitOnce = useIdempotentSubmit();
  const inputRef = React.useRef<HTMLInputElement>(null);
  const verb = mode === 'add' ? `Add ${tags.length === 1 ? 'tag' : 'tags'} to` : `Remove ${tags.length === 1 ? 'tag' : 'tags'} from`;

  function apply() {
    if (tags.length === 0) {
      setError(mode === 'add' ? 'Type a tag to add, then press Enter' : 'Type a tag to remove, then press Enter');
      inputRef.current?.focus();
      return;
    }
    setError(null);
    startTransition(async () => {
      const input = { tags, target };
      const send = mode === 'add' ? addTagsToCustomersAction : removeTagsFromCustomersAction;
      const result = await submitOnce({ mode, input }, (key) => send(input, key));
      if (!result.ok) {
        setError(result.fieldErrors[0]?.message ?? result.message);
        return;
      }
      setOpen(false);
      setTags([]);
      onDone(mode === 'add' ? addedTagsMessage(tags, result.data) : removedTagsMessage(tags, result.data));
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (isPending) return;
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline">
          <Tags aria-hidden />
          Tags…
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Tags of {customersCount(count)}</DialogTitle>
          <DialogDescription>
            Each customer changed gets an entry on their timeline. Tags are matched whatever their case; a customer keeps at most {TAGS_MAX} tags.
          </DialogDescription>
        </DialogHeader>
        <div className="space-y-4">
          <fieldset>
            <legend className="sr-only">What to do</legend>
            <div className="inline-flex rounded-md border border-slate-300 p-0.5">
              {MODES.map((option) => (
                <label
                  key={option.value}
                  className={cn(
                    'cursor-pointer rounded px-3 py-1.5 text-sm font-medium text-slate-700 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500',
                    mode === option.value && 'bg-indigo-600 text-white',
                  )}
                >
                  <input
                    type="radio"
                    name="bulk-tags-mode"
                    value={option.value}
                    checked={mode === option.value}
                    onChange={() => setMode(option.value)}
                    className="sr-only"
                  />
                  {option.label}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="space-y-1.5">
            <Label htmlFor="bulk-tags">{mode === 'add' ? 'Tags to add' : 'Tags to remove'}</Label>
            <CustomerTagsInput
              id="bulk-tags"
              inputRef={inputRef}
              value={tags}
              onChange={(next) => {
                setTags(next);
                setError(null);
              }}
              placeholder="Type a tag and press Enter"
              aria-invalid={!!error}
              aria-describedby={error ? 'bulk-tags-error' : 'bulk-tags-hint'}
            />
            {error ? (
              <p id="bulk-tags-error" role="alert" className="text-xs font-medium text-red-600">
                {error}
              </p>
            ) : (
              <p id="bulk-tags-hint" className="text-xs text-slate-600">
                Enter or a comma adds a tag.
              </p>
            )}
          </div>
          {tags.length > 0 && (
            <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              {mode === 'add' ? 'Add' : 'Remove'} {quotedTags(tags)} {mode === 'add' ? 'to' : 'from'} {customersCount(count)}?
            </p>
          )}
        </div>
        <DialogFooter className="mt-6">
          <Button onClick={apply} disabled={isPending}>
            {isPending && <Loader2 className="animate-spin" aria-hidden />}
            {verb} {customersCount(count)}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
