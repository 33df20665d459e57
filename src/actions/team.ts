'use server';

import { isAPIError } from 'better-auth/api';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';

import { requireStaff } from '@/auth/require-staff';
import { getStaffAuth } from '@/auth/staff-auth';
import { toActionResult, type ActionResult } from '@/http/action-result';
import { publicUrl } from '@/lib/config';
import { staffPasswordChangeSchema } from '@/lib/validation/staff-team';
import {
  acceptStaffInvitation,
  changeStaffRole,
  deactivateStaffMember,
  inviteStaffMember,
  reactivateStaffMember,
  revokeOtherStaffSessions,
  updateOwnStaffProfile,
} from '@/services/team';
import { ValidationFailedError } from '@/services/errors';

const TEAM_PATH = '/dashboard/settings/team';

export type InviteState = ActionResult<{ email: string }> | null;

/** Form action: invites a member by email with a role; the link is mailed. */
export async function inviteStaffMemberAction(_previous: InviteState, formData: FormData): Promise<InviteState> {
  const actor = await requireStaff('staff:manage');
  const result = await toActionResult(() => inviteStaffMember({ actor, input: { email: formData.get('email'), role: formData.get('role') }, baseUrl: publicUrl() }));
  if (result.ok) revalidatePath(TEAM_PATH);
  return result.ok ? { ok: true, data: { email: result.data.email } } : result;
}

export async function changeStaffRoleAction(memberId: string, role: string): Promise<ActionResult> {
  const actor = await requireStaff('staff:manage');
  const result = await toActionResult(async () => {
    await changeStaffRole({ actor, memberId, input: { role } });
    return undefined;
  });
  if (result.ok) revalidatePath(TEAM_PATH);
  return result;
}

export async function deactivateStaffMemberAction(memberId: string): Promise<ActionResult> {
  const actor = await requireStaff('staff:manage');
  const result = await toActionResult(async () => {
    await deactivateStaffMember({ actor, memberId });
    return undefined;
  });
  if (result.ok) revalidatePath(TEAM_PATH);
  return result;
}

export async function reactivateStaffMemberAction(memberId: string): Promise<ActionResult> {
  const actor = await requireStaff('staff:manage');
  const result = await toActionResult(async () => {
    await reactivateStaffMember({ actor, memberId });
    return undefined;
  });
  if (result.ok) revalidatePath(TEAM_PATH);
  return result;
}

/** From the mailed link, before any session: the token is the credential. */
export async function acceptInvitationAction(token: string, input: { name: string; password: string }): Promise<ActionResult<{ email: string }>> {
  return toActionResult(() => acceptStaffInvitation({ token, input }));
}

export async function updateOwnProfileAction(input: { name: string }): Promise<ActionResult<{ name: string }>> {
  const actor = await requireStaff();
  const result = await toActionResult(() => updateOwnStaffProfile({ actor, input }));
  if (result.ok) revalidatePath('/dashboard', 'layout');
  return result;
}

/**
 * Changes the signed-in member's password through better-auth (it checks the current one), then ends every other
 * session. Not better-auth's revokeOtherSessions: that replaces this browser's session cookie too, and the page's
 * re-render after the action would still read the old one and land on sign-in.
 */
export async function changeOwnPasswordAction(input: { currentPassword: string; newPassword: string }): Promise<ActionResult> {
  await requireStaff();
  return toActionResult(async () => {
    const parsed = staffPasswordChangeSchema.safeParse(input);
    if (!parsed.success) throw ValidationFailedError.fromZod(parsed.error);
    const requestHeaders = await headers();
    const current = await getStaffAuth().api.getSession({ headers: requestHeaders });
    if (!current) throw new ValidationFailedError('Sign in again to change your password', []);
    try {
      await getStaffAuth().api.changePassword({ body: { ...parsed.data, revokeOtherSessions: false }, headers: requestHeaders });
    } catch (error) {
      if (isAPIError(error) && error.body?.code === 'INVALID_PASSWORD') {
        throw new ValidationFailedError('The current password is not right', [{ path: 'currentPassword', message: 'This is not your current password' }]);
      }
      throw error;
    }
    await revokeOtherStaffSessions(current.user.id, current.session.id);
    return undefined;
  });
}
