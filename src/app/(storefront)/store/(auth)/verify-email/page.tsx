import { AlertCircle } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { getCustomerAuth } from '@/auth/customer-auth';
import { ACCOUNT_CONFLICT_PARAM, getCustomerActor } from '@/auth/require-customer';
import { pendingConfirmation } from '@/auth/store-email-confirmation';
import { ConfirmEmailForm } from '@/components/store/confirm-email-form';
import { ResendVerificationForm } from '@/components/store/resend-verification-form';
import { StoreAuthPanel } from '@/components/store/store-auth-panel';
import { STORE_BUTTON_CLASS } from '@/components/store/store-styles';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import { cn } from '@/lib/utils';
import { ConflictError } from '@/services/errors';

import { safeStoreNextPath } from '../sign-in/safe-next-path';

export const metadata: Metadata = { title: 'Confirm your email' };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The emailed confirmation link lands here with `?token=`: choosing the password confirms the email. A token that
 * no longer works, or `?error=` (an old better-auth link), offers a new link; a signed-in customer goes on to `next`.
 */
export default async function StoreVerifyEmailPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const token = first(params.token);
  const pending = token ? await pendingConfirmation((await getCustomerAuth().$context).internalAdapter, token) : null;
  const error = token && !pending ? 'INVALID_TOKEN' : first(params.error);

  if (token && pending) {
    return (
      <StoreAuthPanel
        title="Choose your password"
        description={
          <>
            To confirm <strong className="font-semibold [overflow-wrap:anywhere] text-stone-900">{pending.email}</strong>, choose the password you will sign in
            with.
          </>
        }
      >
        <ConfirmEmailForm token={token} email={pending.email} next={safeStoreNextPath(params.next)} />
      </StoreAuthPanel>
    );
  }

  // A used link opened again by the customer it signed in: on to where they were going.
  let isSignedIn = false;
  try {
    isSignedIn = (await getCustomerActor()) !== null;
  } catch (conflict) {
    if (!(conflict instanceof ConflictError)) throw conflict;
    redirect(`/store/sign-in?error=${ACCOUNT_CONFLICT_PARAM}`);
  }
  if (isSignedIn) redirect(safeStoreNextPath(params.next));

  if (error) {
    const isExpired = error === 'TOKEN_EXPIRED';
    return (
      <StoreAuthPanel title={isExpired ? 'This link has expired' : 'This link does not work'}>
        <div className="space-y-5">
          <Alert variant="warning">
            <AlertCircle aria-hidden />
            <p>
              {isExpired
                ? 'Confirmation links work for 24 hours. Enter your email and we will send you a new one.'
                : 'The confirmation link is not valid, or was already used: if you chose your password with it, sign in. Otherwise copy the whole link from the email, or ask for a new one here.'}
            </p>
          </Alert>
          <ResendVerificationForm />
        </div>
      </StoreAuthPanel>
    );
  }

  return (
    <StoreAuthPanel title="Confirm your email" description="Open the link we emailed you to confirm your address. Already done? Sign in to continue.">
      <Link href="/store/sign-in" className={cn(buttonVariants(), STORE_BUTTON_CLASS)}>
        Sign in
      </Link>
    </StoreAuthPanel>
  );
}
