import { AlertCircle, CheckCircle2 } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { ACCOUNT_CONFLICT_PARAM } from '@/auth/require-customer';
import { SignInForm } from '@/components/store/sign-in-form';
import { StoreAuthPanel } from '@/components/store/store-auth-panel';
import { PASSWORD_RESET_NOTICE, SIGN_UP_PATH } from '@/lib/store-paths';
import { STORE_LINK_CLASS } from '@/components/store/store-styles';
import { Alert } from '@/components/ui/alert';
import { getCustomerActor } from '@/auth/require-customer';
import { ConflictError } from '@/services/errors';

import { safeStoreNextPath } from './safe-next-path';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Record<string, string | string[] | undefined>;

/** A signed-in customer goes on; one whose email's customer belongs to another login stays to read why. */
async function isSignedInWithoutConflict(): Promise<boolean> {
  try {
    return (await getCustomerActor()) !== null;
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
}

export default async function StoreSignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const next = safeStoreNextPath(params.next);
  if (await isSignedInWithoutConflict()) redirect(next);
  const isConflict = params.error === ACCOUNT_CONFLICT_PARAM;
  const isPasswordReset = params.notice === PASSWORD_RESET_NOTICE;

  return (
    <StoreAuthPanel
      title="Sign in"
      description="Welcome back. Sign in to see your orders and details."
      footer={
        <p>
          New here?{' '}
          <Link href={SIGN_UP_PATH} className={STORE_LINK_CLASS}>
            Create an account
          </Link>
        </p>
      }
    >
      {isConflict && (
        <Alert variant="destructive" className="mb-4">
          <AlertCircle aria-hidden />
          <p>
            Your email is already linked to another account with us, so we cannot open this one. Please contact the shop and we will sort it out.
          </p>
        </Alert>
      )}
      {isPasswordReset && (
        <Alert variant="success" className="mb-4">
          <CheckCircle2 aria-hidden />
          <p>Your password was changed and you were signed out everywhere. Sign in with your new password.</p>
        </Alert>
      )}
      <SignInForm next={next} />
    </StoreAuthPanel>
  );
}
