import type { Metadata } from 'next';
import Link from 'next/link';

import { ForgotPasswordForm } from '@/components/store/forgot-password-form';
import { StoreAuthPanel } from '@/components/store/store-auth-panel';
import { STORE_LINK_CLASS } from '@/components/store/store-styles';

export const metadata: Metadata = { title: 'Forgot your password?' };

export default function StoreForgotPasswordPage() {
  return (
    <StoreAuthPanel
      title="Forgot your password?"
      description="Enter the email of your account and we will send you a link to choose a new one."
      footer={
        <p>
          Remembered it?{' '}
          <Link href="/store/sign-in" className={STORE_LINK_CLASS}>
            Sign in
          </Link>
        </p>
      }
    >
      <ForgotPasswordForm />
    </StoreAuthPanel>
  );
}
