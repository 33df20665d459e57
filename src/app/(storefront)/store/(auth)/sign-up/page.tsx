import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { SignUpForm } from '@/components/store/sign-up-form';
import { StoreAuthPanel } from '@/components/store/store-auth-panel';
import { STORE_LINK_CLASS } from '@/components/store/store-styles';

import { getCustomerSession } from '../../../customer-session';

export const metadata: Metadata = { title: 'Create an account' };

export default async function StoreSignUpPage() {
  if ((await getCustomerSession()).isSignedIn) redirect('/store/account');
  return (
    <StoreAuthPanel
      title="Create an account"
      description="Follow your orders and keep your details in one place."
      footer={
        <p>
          Already have an account?{' '}
          <Link href="/store/sign-in" className={STORE_LINK_CLASS}>
            Sign in
          </Link>
        </p>
      }
    >
      <SignUpForm />
    </StoreAuthPanel>
  );
}
