import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';

import { ACCOUNT_THROTTLED_CODE, describeWait } from '@/lib/sign-in-wait';

import type { SignInThrottle } from './sign-in-throttle';

const SIGN_IN_PATH = '/sign-in/email';

function signInEmail(ctx: { path?: string; body?: unknown }): string | null {
  if (ctx.path !== SIGN_IN_PATH) return null;
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email : null;
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** Before a password sign-in: reserves an attempt from the email's allowance, or answers 429 with Retry-After. */
export async function reserveSignInAttempt(throttle: SignInThrottle, ctx: HookContext): Promise<void> {
  const email = signInEmail(ctx);
  if (email === null) return;
  const allowance = await throttle.reserve(email);
  if (allowance.allowed) return;
  const seconds = String(allowance.retryAfterSeconds);
  throw new APIError(
    'TOO_MANY_REQUESTS',
    {
      code: ACCOUNT_THROTTLED_CODE,
      message: `Too many failed sign-in attempts for this email. Try again in ${describeWait(allowance.retryAfterSeconds)}.`,
      retryAfter: allowance.retryAfterSeconds,
    },
    // X-Retry-After is the header better-auth's own per-address limit sends; Retry-After is the standard one.
    { 'Retry-After': seconds, 'X-Retry-After': seconds },
  );
}

/**
 * After a password sign-in: keeps the attempt as a failure only when the password check said "invalid email or
 * password", forgets the email's failures on success, and gives back anything else.
 */
export async function settleSignInAttempt(throttle: SignInThrottle, ctx: HookContext): Promise<void> {
  const email = signInEmail(ctx);
  if (email === null) return;
  const returned = ctx.context.returned;
  if (!isAPIError(returned)) await throttle.clear(email);
  else if (returned.body?.code !== 'INVALID_EMAIL_OR_PASSWORD') await throttle.release(email);
}

/**
 * better-auth hooks that put the per-email throttle around password sign-in. The answer is the same whether or not
 * the email has an account.
 */
export function signInThrottleHooks(throttle: SignInThrottle) {
  return {
    before: createAuthMiddleware((ctx) => reserveSignInAttempt(throttle, ctx)),
    after: createAuthMiddleware((ctx) => settleSignInAttempt(throttle, ctx)),
  };
}
