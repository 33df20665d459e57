import { ACCOUNT_THROTTLED_CODE, describeWait } from '@/lib/sign-in-wait';

/** What a refused storefront auth request answered: HTTP status, better-auth error code and message, wait. */
export interface StoreAuthFailure {
  status?: number;
  code?: string;
  message?: string;
  /** Seconds until a refused (429) request may be tried again, from the X-Retry-After header. */
  retryAfter?: number;
  /** The whole error answer, for fields beyond the code (the sign-up hook's named `errors`). */
  body?: unknown;
}

/** The per-email mail limit's code (src/auth/store-auth-hooks.ts); its message already names the wait. */
export const MAIL_THROTTLED_CODE = 'TOO_MANY_EMAILS';

/** "in 15 minutes (at 14:32)": the clock time helps when the wait is long enough to walk away. */
export function whenToRetry(seconds: number | undefined, fallback: string): string {
  if (!seconds || !Number.isFinite(seconds)) return fallback;
  if (seconds < 120) return `in ${describeWait(seconds)}`;
  // The visitor's own clock: this is shown only after a submit, never in server HTML.
  const at = new Date(Date.now() + seconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return `in ${describeWait(seconds)} (at ${at})`;
}

/** Messages every storefront form gives the same way: limits, a foreign origin, the server, the network. */
export function commonFailureMessage({ status, code, retryAfter }: StoreAuthFailure): string {
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

/**
 * Runs one auth client call and returns null on success or what failed. The client's own `error` has status and
 * code; the wait comes from the response header, and a thrown error (no network) leaves the status empty.
 */
export async function runAuthRequest(
  call: (fetchOptions: { onError: (context: { response: Response }) => void }) => Promise<{ error: { status: number; code?: string; message?: string } | null }>,
): Promise<StoreAuthFailure | null> {
  const failure: StoreAuthFailure = {};
  try {
    const { error } = await call({
      onError: ({ response }) => {
        failure.retryAfter = Number(response.headers.get('x-retry-after')) || undefined;
      },
    });
    if (!error) return null;
    failure.status = error.status;
    failure.code = error.code;
    failure.message = error.message;
    failure.body = error;
  } catch {
    // The server was not reached: no status, and the message says so.
  }
  return failure;
}
