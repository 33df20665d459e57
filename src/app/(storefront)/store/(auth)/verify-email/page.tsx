import { AlertCircle } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { ACCOUNT_CONFLICT_PARAM, getCustomerActor } from '@/auth/require-customer';
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
 * The emailed verification link lands here through better-auth: signed in when it worked (so on to the account,
 * or to `next`), with `?error=TOKEN_EXPIRED` or another code when it did not.
 */
export default async function StoreVerifyEmailPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const error = first(params.error);

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
                : 'The confirmation link is incomplete or not valid: copy the whole link from the email, or ask for a new one here.'}
            </p>
          </Alert>
          <ResendVerificationForm />
        </div>
      </StoreAuthPanel>
    );
  }

  let isSignedIn = false;
  try {
    isSignedIn = (await getCustomerActor()) !== null;
  } catch (conflict) {
    if (!(conflict instanceof ConflictError)) throw conflict;
    redirect(`/store/sign-in?error=${ACCOUNT_CONFLICT_PARAM}`);
  }
  if (isSignedIn) redirect(safeStoreNextPath(params.next));

  return (
    <StoreAuthPanel title="Confirm your email" description="Open the link we emailed you to confirm your address. Already done? Sign in to continue.">
      <Link href="/store/sign-in" className={cn(buttonVariants(), STORE_BUTTON_CLASS)}>
        Sign in
      </Link>
    </StoreAuthPanel>
  );
}
