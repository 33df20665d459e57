'use client';

import { Loader2, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import * as React from 'react';

import { deleteGroupAction } from '@/actions/groups';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import type { CustomerGroup } from '@/lib/types';

const members = (count: number) => `${count.toLocaleString('en-GB')} ${count === 1 ? 'member' : 'members'}`;

/**
 * Delete with confirmation. A group with members asks to move them to no group first; a refusal (discounts or
 * campaigns target the group, or members joined meanwhile) is shown in the dialog.
 */
export function DeleteGroupButton({ group }: { group: Required<Pick<CustomerGroup, 'id' | 'name' | 'memberCount'>> }) {
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [isMoveConfirmed, setIsMoveConfirmed] = React.useState(false);
  const [isPending, startTransition] = React.useTransition();
  const hasMembers = group.memberCount > 0;

  function confirm() {
    setError(null);
    startTransition(async () => {
      const result = await deleteGroupAction(group.id, hasMembers || isMoveConfirmed);
      if (result.ok) {
        setOpen(false);
        router.refresh();
        return;
      }
      // Members joined since the page loaded: the next click confirms moving them.
      if (result.fieldErrors.some((e) => e.path === 'confirmMembersToNoGroup')) setIsMoveConfirmed(true);
      setError(result.message);
    });
  }

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (isPending) return;
        setOpen(next);
        if (!next) {
          setError(null);
          setIsMoveConfirmed(false);
        }
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50 hover:text-red-800">
          <Trash2 aria-hidden />
          <span className="sr-only sm:not-sr-only">Delete</span>
          <span className="sr-only"> {group.name}</span>
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogTitle>Delete {group.name}?</AlertDialogTitle>
        <AlertDialogDescription>
          {hasMembers
            ? `${group.name} has ${members(group.memberCount)}. Deleting it moves them to no group, which is recorded on each customer's timeline.`
            : 'The group has no members. Groups that discounts or campaigns target cannot be deleted.'}
        </AlertDialogDescription>
        {error && (
          <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {error}
          </p>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={isPending}>Cancel</AlertDialogCancel>
          {/* A plain button, not AlertDialogAction: the dialog stays open while deleting and if it is refused. */}
          <Button variant="destructive" onClick={confirm} disabled={isPending}>
            {isPending && <Loader2 className="animate-spin" aria-hidden />}
            {hasMembers ? `Move ${members(group.memberCount)} to no group and delete` : isMoveConfirmed ? 'Move members to no group and delete' : 'Delete group'}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
