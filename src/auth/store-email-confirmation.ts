import { randomBytes } from 'node:crypto';

import type { AuthContext } from 'better-auth';
import { and, eq, like } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { storeVerifications } from '@/db/schema';

/**
 * A storefront email is confirmed only together with choosing the password. The confirmation link carries a
 * password-reset token (better-auth's own, consumed by POST /reset-password), not better-auth's verify-email JWT:
 * whoever signed up with the email may have chosen the password, but only the mailbox's owner gets the link, so
 * the password that survives confirmation is always theirs. onPasswordReset then marks the email verified.
 */

// better-auth's reset-password endpoint looks tokens up under this prefix.
const RESET_TOKEN_PREFIX = 'reset-password:';
/** How long a confirmation link works: as long as better-auth's verification links did. */
export const CONFIRMATION_EXPIRES_IN_SECONDS = 24 * 60 * 60;

type Internal = Pick<AuthContext['internalAdapter'], 'createVerificationValue' | 'findVerificationValue' | 'findUserById'>;

/** A new confirmation token for the login: it lets its holder choose the password, which confirms the email. */
export async function issueConfirmationToken(internal: Internal, userId: string, now = Date.now()): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await internal.createVerificationValue({ identifier: `${RESET_TOKEN_PREFIX}${token}`, value: userId, expiresAt: new Date(now + CONFIRMATION_EXPIRES_IN_SECONDS * 1000) });
  return token;
}

/** The unconfirmed login a confirmation token is for, or null when the token is unknown, expired or already confirmed. */
export async function pendingConfirmation(internal: Internal, token: string): Promise<{ email: string; firstName: string } | null> {
  const verification = await internal.findVerificationValue(`${RESET_TOKEN_PREFIX}${token}`);
  if (!verification || verification.expiresAt.getTime() < Date.now()) return null;
  const user = await internal.findUserById(verification.value);
  if (!user || user.emailVerified) return null;
  return { email: user.email, firstName: (user as { firstName?: string }).firstName ?? '' };
}

/**
 * Whether a reset link's token still sets a password: known and not expired. A used one is gone (better-auth deletes
 * it, and onPasswordReset every other of the login), so the page can say so before anyone types a new password.
 */
export async function isPasswordResetTokenUsable(internal: Pick<Internal, 'findVerificationValue'>, token: string, now = Date.now()): Promise<boolean> {
  const verification = await internal.findVerificationValue(`${RESET_TOKEN_PREFIX}${token}`);
  return Boolean(verification && verification.expiresAt.getTime() >= now);
}

/** Deletes every confirmation and reset token of the login, so that no older mailed link can set its password. */
export async function revokePasswordTokens(db: Db, userId: string): Promise<void> {
  await db.delete(storeVerifications).where(and(like(storeVerifications.identifier, `${RESET_TOKEN_PREFIX}%`), eq(storeVerifications.value, userId)));
}
