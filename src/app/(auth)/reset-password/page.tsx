import type { Metadata } from 'next';

import { isStaffResetTokenOpen } from '@/auth/staff-auth';
import { StaffAuthPanel } from '@/components/dashboard/auth/staff-auth-panel';
import { StaffNewPasswordForm } from '@/components/dashboard/auth/staff-new-password-form';

import { LinkInvalid } from '../link-invalid';

export const metadata: Metadata = { title: 'Choose a new password' };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The mailed staff reset link lands here with `?token=`; a used or expired token is said up front. */
export default async function StaffResetPasswordPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const token = first((await searchParams).token) ?? '';
  if (!(await isStaffResetTokenOpen(token))) {
    return <LinkInvalid text="The password reset link has expired or was already used. Links work for one hour and only once." action={{ href: '/forgot-password', label: 'Ask for a new link' }} />;
  }
  return (
    <StaffAuthPanel title="Choose a new password" description="Pick one you do not use anywhere else.">
      <StaffNewPasswordForm token={token} mode={{ kind: 'reset' }} />
    </StaffAuthPanel>
  );
}
