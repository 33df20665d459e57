import { isAPIError } from 'better-auth/api';

import { getDb } from '@/db/client';
import { describeWait } from '@/lib/sign-in-wait';
import { DomainError, UnauthorizedError, ValidationFailedError } from '@/services/errors';

import { getCustomerAuth } from './customer-auth';
import { authSecret } from './secret';
import { ACCOUNT_SIGN_IN_LIMIT, createSignInThrottle } from './sign-in-throttle';

const WRONG_PASSWORD = 'That is not the password of this account';

/**
 * Checks the signed-in shopper's password again before something that cannot be undone (erasing their account), so a
 * session left open on a shared computer is not enough. Guesses count against the same per-email allowance as sign-in
 * (10 in 15 minutes), so a stolen session cannot be used to try passwords without limit. Throws ValidationFailedError
 * naming `password`, UnauthorizedError without a session, a rate-limited DomainError with the wait.
 */
export async function verifyStorePassword(headers: Headers, password: string): Promise<void> {
  const auth = getCustomerAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) throw new UnauthorizedError('Sign in to your store account first');
  const throttle = createSignInThrottle(getDb(), authSecret(), ACCOUNT_SIGN_IN_LIMIT, 'store-sign-in');
  const allowance = await throttle.reserve(session.user.email);
  if (!allowance.allowed) throw new DomainError('rate_limited', `Too many wrong passwords. Try again in ${describeWait(allowance.retryAfterSeconds)}.`);
  try {
    await auth.api.verifyPassword({ body: { password }, headers });
  } catch (error) {
    if (isAPIError(error)) throw new ValidationFailedError(WRONG_PASSWORD, [{ path: 'password', message: WRONG_PASSWORD }]);
    await throttle.release(session.user.email);
    throw error;
  }
  await throttle.clear(session.user.email);
}
