import type { Metadata } from 'next';

import { StaffAuthPanel } from '@/components/dashboard/auth/staff-auth-panel';
import { StaffNewPasswordForm } from '@/components/dashboard/auth/staff-new-password-form';
import { SHOP_NAME } from '@/lib/config';
import { ROLE_LABELS } from '@/lib/team-types';
import { findOpenInvitation } from '@/services/team';

import { LinkInvalid } from '../link-invalid';

export const metadata: Metadata = { title: 'Join the team' };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The mailed invitation link: the invitee chooses their name and password, once. */
export default async function InvitationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const token = first((await searchParams).token) ?? '';
  const invitation = await findOpenInvitation(token);
  if (!invitation) {
    return <LinkInvalid text="This invitation has expired, was already used, or was cancelled. Ask the shop owner to invite you again." />;
  }
  return (
    <StaffAuthPanel title={`Join ${SHOP_NAME}`} description={`You are invited to the staff dashboard as ${ROLE_LABELS[invitation.role].toLowerCase()}. Choose your name and password.`}>
      <StaffNewPasswordForm token={token} mode={{ kind: 'invitation', email: invitation.email }} />
    </StaffAuthPanel>
  );
}
