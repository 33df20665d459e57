'use client';

import { FolderInput, Loader2 } from 'lucide-react';
import * as React from 'react';

import { moveCustomersToGroupAction } from '@/actions/groups';
import { useIdempotentSubmit } from '@/components/forms/use-idempotent-submit';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { NativeSelect } from '@/components/ui/native-select';
import type { BulkTarget } from '@/lib/validation/customer-bulk';

import { customersCount } from './customers-bulk-messages';

const NO_GROUP = 'none';

/** Picks a group and confirms, naming how many customers move; answers the outcome to `onMoved`. */
export function MoveToGroupDialog({
  groups,
  target,
  count,
  onMoved,
}: {
  groups: { id: string; name: string }[];
  target: BulkTarget;
  count: number;
  onMoved: (message: string) => void;
}) {
  const [open, setOpen] = React.useState(false);
  const [choice, setChoice] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);
  const [isPending, startTransition] = React.useTransition();
  const submitOnce = useIdempotentSubmit();
  const groupName = choice === NO_GROUP ? 'no group' : groups.find((g) => g.id === choice)?.name;

  function move() {
    if (!choice) {
      setError('Choose a group');
      return;
    }
    setError(null);
    startTransition(async () => {
      const input = { groupId: choice === NO_GROUP ? null : choice, target };
      const result = await submitOnce(input, (key) => moveCustomersToGroupAction(input, key));
      if (!result.ok) {
        setError(result.message);
        return;
      }
      const { moved } = result.data;
      const unchanged = count - moved;
      setOpen(false);
      setChoice('');
      onMoved(`Moved ${customersCount(moved)} to ${groupName}${unchanged > 0 ? ` (${unchanged.toLocaleString('en-GB')} already there)` : ''}.`);
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
        <Button size="sm">
          <FolderInput aria-hidden />
          Move to group…
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Move {customersCount(count)} to a group</DialogTitle>
          <DialogDescription>Each customer&apos;s timeline records the change. Customers already in the group stay as they are.</DialogDescription>
        </DialogHeader>
        <div className="space-y-4">
          <Field id="move-group" label="Group" error={error ?? undefined}>
            <NativeSelect id="move-group" value={choice} onChange={(event) => setChoice(event.target.value)} aria-invalid={!!error}>
              <option value="">Choose a group</option>
              {groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
              <option value={NO_GROUP}>No group</option>
            </NativeSelect>
          </Field>
          {groupName && (
            <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              Move {customersCount(count)} to {groupName}?
            </p>
          )}
        </div>
        <DialogFooter className="mt-6">
          <Button onClick={move} disabled={isPending || !choice}>
            {isPending && <Loader2 className="animate-spin" aria-hidden />}
            Move {customersCount(count)}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
