import type { AuthFailure } from '@/components/forms/auth-request';
import { ACCOUNT_THROTTLED_CODE, whenToRetry } from '@/lib/sign-in-wait';

/** The per-email mail limit's code (src/auth/store-auth-hooks.ts); its message already names the wait. */
export const MAIL_THROTTLED_CODE = 'TOO_MANY_EMAILS';

/** Messages every storefront form gives the same way: limits, a foreign origin, the server, the network. */
export function commonFailureMessage({ status, code, retryAfter }: AuthFailure): string {
  if (code === MAIL_THROTTLED_CODE)
    return `We have sent several emails to this address already. Check your inbox (and spam folder), or try again ${whenToRetry(retryAfter, 'in 15 minutes')}.`;
  if (code === ACCOUNT_THROTTLED_CODE) return `Too many failed attempts for this email. Try again ${whenToRetry(retryAfter, 'in 15 minutes')}.`;
  if (status === 429) return `Too many attempts from this network. Try again ${whenToRetry(retryAfter, 'in a minute')}.`;
  // better-auth's CSRF check: the page was opened at an address the server does not know as its own.
  if (code === 'INVALID_ORIGIN' || code === 'MISSING_OR_NULL_ORIGIN') return 'This page was opened at an address the shop does not recognise. Open the shop at its usual address and try again.';
  if (status && status >= 500) return 'Something went wrong on our side. Try again in a moment.';
  if (status) return 'That did not work. Check the form and try again.';
  return 'Could not reach the shop. Check your connection and try again.';
}
