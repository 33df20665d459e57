'use client';

import { Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import * as React from 'react';

import { deleteGroupAction } from '@/actions/groups';
import { ConfirmActionButton } from '@/components/dashboard/confirm-action-button';
import type { CustomerGroup } from '@/lib/types';

const members = (count: number) => `${count.toLocaleString('en-GB')} ${count === 1 ? 'member' : 'members'}`;

/**
 * Delete with confirmation. A group with members asks to move them to no group first; a refusal (discounts or
 * campaigns target the group, or members joined meanwhile) is shown in the dialog.
 */
export function DeleteGroupButton({ group }: { group: Required<Pick<CustomerGroup, 'id' | 'name' | 'memberCount'>> }) {
  const router = useRouter();
  const [isMoveConfirmed, setIsMoveConfirmed] = React.useState(false);
  const hasMembers = group.memberCount > 0;

  async function remove() {
    const result = await deleteGroupAction(group.id, hasMembers || isMoveConfirmed);
    if (result.ok) router.refresh();
    // Members joined since the page loaded: the next click confirms moving them.
    else if (result.fieldErrors.some((e) => e.path === 'confirmMembersToNoGroup')) setIsMoveConfirmed(true);
    return result;
  }

  return (
    <ConfirmActionButton
      trigger={
        <>
          <Trash2 aria-hidden />
          <span className="sr-only sm:not-sr-only">Delete</span>
          <span className="sr-only"> {group.name}</span>
        </>
      }
      triggerVariant="ghost"
      triggerSize="sm"
      triggerClassName="text-red-700 hover:bg-red-50 hover:text-red-800"
      title={`Delete ${group.name}?`}
      description={
        hasMembers
          ? `${group.name} has ${members(group.memberCount)}. Deleting it moves them to no group, which is recorded on each customer's timeline.`
          : 'The group has no members. Groups that discounts or campaigns target cannot be deleted.'
      }
      confirmLabel={hasMembers ? `Move ${members(group.memberCount)} to no group and delete` : isMoveConfirmed ? 'Move members to no group and delete' : 'Delete group'}
      pendingLabel="Deleting…"
      confirmVariant="destructive"
      canRetry
      onConfirm={remove}
      onClose={() => setIsMoveConfirmed(false)}
    />
  );
}
