'use client';

import { Loader2, UserCheck, UserX } from 'lucide-react';
import { useState, useTransition } from 'react';

import { ConfirmActionButton } from '@/components/dashboard/confirm-action-button';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { NativeSelect } from '@/components/ui/native-select';
import { formatDate, formatRelative } from '@/lib/format';
import { ROLE_LABELS, type TeamMember, type TeamMemberStatus } from '@/lib/team-types';
import type { StaffRole } from '@/lib/types';

import { changeStaffRoleAction, deactivateStaffMemberAction, reactivateStaffMemberAction } from '@/actions/team';

const STATUS: Record<TeamMemberStatus, { label: string; variant: 'success' | 'warning' | 'secondary' }> = {
  active: { label: 'Active', variant: 'success' },
  invited: { label: 'Invited', variant: 'warning' },
  deactivated: { label: 'Deactivated', variant: 'secondary' },
};

interface Viewer {
  id: string;
  role: StaffRole;
}

/** What the viewer may do to the member; the service checks it again (and the last-owner rule). */
function mayManage(viewer: Viewer, member: TeamMember): boolean {
  return viewer.role === 'owner' || member.role !== 'owner';
}

function RoleSelect({ member, roles, label }: { member: TeamMember; roles: StaffRole[]; label: string }) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const selectId = `role-${member.id}`;
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          Role of {label}
        </label>
        <NativeSelect
          id={selectId}
          value={member.role}
          disabled={isPending}
          className="h-8 w-32 text-sm"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${selectId}-error` : undefined}
          onChange={(event) => {
            const role = event.target.value;
            setError(null);
            startTransition(async () => {
              const result = await changeStaffRoleAction(member.id, role);
              if (!result.ok) setError(result.message);
            });
          }}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </NativeSelect>
        {isPending && <Loader2 className="size-4 animate-spin text-slate-500" aria-label="Saving role" />}
      </div>
      {error && (
        <p id={`${selectId}-error`} role="alert" className="max-w-64 text-xs font-medium text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

function lastSeen(member: TeamMember, now: Date): string {
  if (member.status === 'invited') return member.invitationExpiresAt ? `Invitation open until ${formatDate(member.invitationExpiresAt)}` : 'Invitation expired';
  return member.lastSignedInAt ? `Signed in ${formatRelative(member.lastSignedInAt, now)}` : 'Not signed in yet';
}

/** The team, one row per member: who, role (changeable), status, last sign-in, deactivate or reactivate. */
export function TeamList({ members, viewer, now }: { members: TeamMember[]; viewer: Viewer; now: string }) {
  const roles: StaffRole[] = viewer.role === 'owner' ? ['owner', 'admin', 'staff'] : ['admin', 'staff'];
  return (
    <ul className="divide-y divide-slate-200" aria-label="Team members">
      {members.map((member) => {
        const label = member.name || member.email;
        const isSelf = member.id === viewer.id;
        const canManage = mayManage(viewer, member);
        return (
          <li key={member.id} className="grid gap-3 px-4 py-4 sm:grid-cols-[minmax(0,1fr)_9rem_8rem_minmax(0,12rem)] sm:items-center sm:px-6" data-testid="team-member">
            <div className="min-w-0">
              <p className="truncate font-medium text-slate-900">
                {member.name || <span className="text-slate-600">(name not chosen yet)</span>}
                {isSelf && <span className="ml-2 text-xs font-normal text-slate-600">(you)</span>}
              </p>
              <p className="truncate text-sm text-slate-600">{member.email}</p>
              <p className="text-xs text-slate-600">{lastSeen(member, new Date(now))}</p>
            </div>
            {/* One row under the name on a phone; their own grid columns from sm up. */}
            <div className="flex flex-wrap items-center gap-3 sm:contents">
            <div>
              {canManage && member.status !== 'deactivated' ? (
                <RoleSelect member={member} roles={roles.includes(member.role) ? roles : [member.role, ...roles]} label={label} />
              ) : (
                <span className="text-sm text-slate-700">{ROLE_LABELS[member.role]}</span>
              )}
            </div>
            <div>
              <Badge variant={STATUS[member.status].variant}>{STATUS[member.status].label}</Badge>
            </div>
            <div className="ml-auto sm:ml-0 sm:text-right">
              {canManage && !isSelf && member.status !== 'deactivated' && (
                <ConfirmActionButton
                  trigger={
                    <>
                      <UserX aria-hidden />
                      {member.status === 'invited' ? 'Cancel invitation' : 'Deactivate'}
                    </>
                  }
                  triggerVariant="outline"
                  triggerSize="sm"
                  title={member.status === 'invited' ? `Cancel the invitation of ${label}?` : `Deactivate ${label}?`}
                  description={
                    member.status === 'invited'
                      ? 'The mailed link stops working. You can reactivate and invite them again later.'
                      : 'They are signed out at once and cannot sign in. The customers, orders and notes they made keep their name. You can reactivate them later.'
                  }
                  confirmLabel={member.status === 'invited' ? 'Cancel invitation' : 'Deactivate'}
                  pendingLabel="Deactivating…"
                  confirmVariant="destructive"
                  dismissLabel="Keep"
                  onConfirm={() => deactivateStaffMemberAction(member.id)}
                />
              )}
              {canManage && member.status === 'deactivated' && <ReactivateButton memberId={member.id} label={label} />}
            </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function ReactivateButton({ memberId, label }: { memberId: string; label: string }) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <div className="space-y-1">
      <Button
        variant="outline"
        size="sm"
        disabled={isPending}
        aria-label={`Reactivate ${label}`}
        onClick={() =>
          startTransition(async () => {
            const result = await reactivateStaffMemberAction(memberId);
            setError(result.ok ? null : result.message);
          })
        }
      >
        {isPending ? <Loader2 className="animate-spin" aria-hidden /> : <UserCheck aria-hidden />}
        Reactivate
      </Button>
      {error && (
        <p role="alert" className="text-xs font-medium text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
