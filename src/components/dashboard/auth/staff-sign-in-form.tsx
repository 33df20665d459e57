'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';

import { runAuthRequest, type AuthFailure } from '@/components/forms/auth-request';
import { PasswordSignInForm } from '@/components/forms/password-sign-in-form';
import { ACCOUNT_THROTTLED_CODE, whenToRetry } from '@/lib/sign-in-wait';

import { staffAuthClient } from './staff-auth-client';

// The code staff-auth.ts answers a deactivated member's right password with (not imported: that module is server-only).
const DEACTIVATED_CODE = 'ACCOUNT_DEACTIVATED';

/** What to tell someone whose sign-in was refused, by HTTP status and better-auth error code. */
function failureMessage({ status, code, retryAfter }: AuthFailure): string {
  // Said the same whether or not the email has an account.
  if (code === ACCOUNT_THROTTLED_CODE) return `Too many failed attempts for this email. Try again ${whenToRetry(retryAfter, 'in 15 minutes')}.`;
  if (status === 429) return `Too many sign-in attempts from this network. Try again ${whenToRetry(retryAfter, 'in a minute')}.`;
  if (status === 401 || status === 400) return 'Wrong email or password.';
  // better-auth's CSRF check: the page was opened at an address the server does not know as its own.
  if (code === 'INVALID_ORIGIN' || code === 'MISSING_OR_NULL_ORIGIN')
    return 'Sign-in is not allowed from this address. Open the dashboard at the shop’s configured URL and try again.';
  if (code === DEACTIVATED_CODE) return 'This account is deactivated. Ask the shop owner if you need access again.';
  if (status === 403) return 'This account cannot sign in right now. Ask the shop owner.';
  if (status && status >= 500) return 'Something went wrong on the server. Try again in a moment.';
  return 'Could not reach the server. Check your connection and try again.';
}

/** Staff sign-in; `next` is already a safe dashboard path, where a signed-in member goes. */
export function StaffSignInForm({ next }: { next: string }) {
  const router = useRouter();
  return (
    <PasswordSignInForm
      look="dashboard"
      belowPassword={
        <p className="text-right text-sm">
          <Link href="/forgot-password" className="font-medium text-indigo-700 underline-offset-4 hover:underline">
            Forgot your password?
          </Link>
        </p>
      }
      signIn={async ({ email, password }) => {
        const failure = await runAuthRequest((fetchOptions) => staffAuthClient.signIn.email({ email, password }, fetchOptions));
        if (!failure) {
          router.replace(next);
          return null;
        }
        return { text: failureMessage(failure), focus: 'password' };
      }}
    />
  );
}
