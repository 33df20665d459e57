import { APIError, createAuthMiddleware } from 'better-auth/api';

import { describeWait } from '@/lib/sign-in-wait';
import { storeSignUpRequestSchema } from '@/lib/validation/store-account';

import type { SignInThrottle } from './sign-in-throttle';
import { reserveSignInAttempt, settleSignInAttempt } from './sign-in-throttle-hooks';

// Endpoints that send an email to the address in the body: each is limited per address, so nobody can fill a
// stranger's inbox from many networks.
const MAIL_SENDING_PATHS = new Set(['/sign-up/email', '/request-password-reset', '/send-verification-email']);
export const MAIL_THROTTLED_CODE = 'TOO_MANY_EMAILS';
// better-auth's own verification link would confirm an email without a password being chosen; the store mails a
// choose-your-password link instead (store-email-confirmation.ts), and an old link lands on the page that sends a new one.
const VERIFY_EMAIL_ENDPOINT = '/verify-email';
const LINK_REPLACED_URL = '/store/verify-email?error=LINK_REPLACED';

function bodyEmail(body: unknown): string | null {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' && email.trim() ? email.trim() : null;
}

/** Sign-up goes through the form's zod schema (plus the password), so a direct API call gets the same named field errors. */
function checkSignUp(body: unknown): void {
  const parsed = storeSignUpRequestSchema.safeParse(body);
  if (parsed.success) return;
  throw new APIError('BAD_REQUEST', {
    code: 'VALIDATION_FAILED',
    message: parsed.error.issues[0]?.message ?? 'Some fields need attention',
    errors: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}

async function reserveMail(throttle: SignInThrottle, email: string): Promise<void> {
  const allowance = await throttle.reserve(email);
  if (allowance.allowed) return;
  const seconds = String(allowance.retryAfterSeconds);
  throw new APIError(
    'TOO_MANY_REQUESTS',
    {
      code: MAIL_THROTTLED_CODE,
      message: `Too many emails were asked for this address. Check your inbox, or try again in ${describeWait(allowance.retryAfterSeconds)}.`,
      retryAfter: allowance.retryAfterSeconds,
    },
    { 'Retry-After': seconds, 'X-Retry-After': seconds },
  );
}

/** The storefront's auth hooks: sign-up validation, a per-email limit on mails sent, the per-email sign-in throttle. */
export function storeAuthHooks({ signIn, mail }: { signIn: SignInThrottle; mail: SignInThrottle }) {
  return {
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path === VERIFY_EMAIL_ENDPOINT) throw ctx.redirect(LINK_REPLACED_URL);
      if (ctx.path === '/sign-up/email') checkSignUp(ctx.body);
      const email = bodyEmail(ctx.body);
      if (email && ctx.path && MAIL_SENDING_PATHS.has(ctx.path)) await reserveMail(mail, email);
      await reserveSignInAttempt(signIn, ctx);
    }),
    after: createAuthMiddleware((ctx) => settleSignInAttempt(signIn, ctx)),
  };
}
