'use client';

import { Loader2, MailWarning } from 'lucide-react';
import Link from 'next/link';

import { runAuthRequest, type AuthFailure } from '@/components/forms/auth-request';
import { PasswordSignInForm, type SignInRefusal } from '@/components/forms/password-sign-in-form';
import { Button } from '@/components/ui/button';
import { FORGOT_PASSWORD_PATH, VERIFY_EMAIL_PATH } from '@/lib/store-paths';

import { storeAuthClient } from './auth-client';
import { commonFailureMessage } from './auth-failure';
import { STORE_LINK_CLASS } from './store-styles';
import { useResendVerification } from './use-resend-verification';

/** What to tell a customer whose sign-in was refused (for `email`), by HTTP status and better-auth error code. */
function refusalOf(failure: AuthFailure, email: string, callbackURL: string): SignInRefusal {
  // No mail is sent on sign-in (that would escape the per-email mail limit): the form offers to send the link again.
  if (failure.code === 'EMAIL_NOT_VERIFIED') {
    return {
      text: 'Confirm your email first: open the link we emailed you. Lost it, or it expired? We can send it again.',
      isWarning: true,
      icon: <MailWarning aria-hidden />,
      action: <ResendLink key={email} email={email} callbackURL={callbackURL} />,
      focus: 'email',
    };
  }
  // A shopper who signed up but has not opened the mail yet has no password: tell them where it comes from.
  if (failure.status === 401 || failure.status === 400) {
    return { text: 'Wrong email or password. Just signed up? Open the link we emailed you to choose your password.', focus: 'password' };
  }
  return { text: commonFailureMessage(failure), focus: 'password' };
}

/** Under the "confirm your email first" message: sends the confirmation link again (limited per email). */
function ResendLink({ email, callbackURL }: { email: string; callbackURL: string }) {
  const { state, resend } = useResendVerification();
  return (
    <div className="mt-2 space-y-2">
      <Button type="button" variant="outline" size="sm" disabled={state.kind === 'sending'} onClick={() => resend(email, callbackURL)}>
        {state.kind === 'sending' && <Loader2 className="animate-spin" aria-hidden />}
        {state.kind === 'sending' ? 'Sending…' : 'Send the link again'}
      </Button>
      <p role="status" aria-live="polite" className={state.kind === 'failed' ? 'font-medium text-red-700' : ''}>
        {state.kind === 'sent' && `We sent a new link to ${state.email}.`}
        {state.kind === 'failed' && state.message}
      </p>
    </div>
  );
}

/**
 * `next` is already a safe storefront path. Sign-in goes through the verify-email page with it: on success the auth
 * client loads that page (which sends a signed-in customer on to `next`), and a confirmation link sent again from
 * here carries it too, so confirming also ends where the customer was going.
 */
export function SignInForm({ next }: { next: string }) {
  const callbackURL = `${VERIFY_EMAIL_PATH}?${new URLSearchParams({ next })}`;
  return (
    <PasswordSignInForm
      look="store"
      signIn={async (values) => {
        const failure = await runAuthRequest((fetchOptions) => storeAuthClient.signIn.email({ ...values, callbackURL }, fetchOptions));
        if (failure) return refusalOf(failure, values.email, callbackURL);
        // A full page load, so the shop's header knows the customer. The auth client's redirect plugin has started
        // it already (the answer carries the callbackURL); this makes it certain.
        window.location.assign(new URL(callbackURL, window.location.origin).href);
        return null;
      }}
      belowPassword={
        <p className="text-right text-sm">
          <Link href={FORGOT_PASSWORD_PATH} className={STORE_LINK_CLASS}>
            Forgot your password?
          </Link>
        </p>
      }
    />
  );
}
