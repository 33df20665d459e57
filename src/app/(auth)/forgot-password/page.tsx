import type { Metadata } from 'next';
import Link from 'next/link';

import { StaffAuthPanel } from '@/components/dashboard/auth/staff-auth-panel';
import { StaffForgotPasswordForm } from '@/components/dashboard/auth/staff-forgot-password-form';

export const metadata: Metadata = { title: 'Forgot your password?' };

export default function StaffForgotPasswordPage() {
  return (
    <StaffAuthPanel
      title="Forgot your password?"
      description="Enter the email of your staff account and we will send you a link to choose a new one."
      footer={
        <p>
          Remembered it?{' '}
          <Link href="/sign-in" className="font-medium text-indigo-700 underline underline-offset-4">
            Sign in
          </Link>
        </p>
      }
    >
      <StaffForgotPasswordForm />
    </StaffAuthPanel>
  );
}
