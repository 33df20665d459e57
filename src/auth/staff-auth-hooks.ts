import { APIError, createAuthMiddleware } from 'better-auth/api';

import { describeWait } from '@/lib/sign-in-wait';

import { ACCOUNT_SIGN_IN_LIMIT, type SignInThrottle } from './sign-in-throttle';
import { reserveSignInAttempt, settleSignInAttempt } from './sign-in-throttle-hooks';

export const STAFF_MAIL_THROTTLED_CODE = 'TOO_MANY_EMAILS';
/** Reset mails per email in 15 minutes, whatever network asks. */
export const STAFF_MAIL_LIMIT = { max: 3, windowSeconds: ACCOUNT_SIGN_IN_LIMIT.windowSeconds };

function resetEmail(ctx: { path?: string; body?: unknown }): string | null {
  if (ctx.path !== '/request-password-reset') return null;
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' && email.trim() ? email.trim() : null;
}

/** The staff auth hooks: the per-email sign-in throttle, and a per-email limit on reset mails (no inbox flooding). */
export function staffAuthHooks({ signIn, mail }: { signIn: SignInThrottle; mail: SignInThrottle }) {
  return {
    before: createAuthMiddleware(async (ctx) => {
      const email = resetEmail(ctx);
      if (email) {
        const allowance = await mail.reserve(email);
        if (!allowance.allowed) {
          const seconds = String(allowance.retryAfterSeconds);
          throw new APIError(
            'TOO_MANY_REQUESTS',
            {
              code: STAFF_MAIL_THROTTLED_CODE,
              message: `Too many reset emails were asked for this address. Check your inbox, or try again in ${describeWait(allowance.retryAfterSeconds)}.`,
              retryAfter: allowance.retryAfterSeconds,
            },
            { 'Retry-After': seconds, 'X-Retry-After': seconds },
          );
        }
      }
      await reserveSignInAttempt(signIn, ctx);
    }),
    after: createAuthMiddleware((ctx) => settleSignInAttempt(signIn, ctx)),
  };
}
