import { createHmac } from 'node:crypto';

import { and, eq, gt, lte, sql } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { failedSignIns } from '@/db/schema';

/** Failed password sign-ins allowed per email in one window, whatever address they come from. */
export const ACCOUNT_SIGN_IN_LIMIT = { max: 10, windowSeconds: 15 * 60 };

export type SignInAllowance = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface SignInThrottle {
  /** Takes one attempt from the email's allowance before its password is checked, or refuses with the wait. */
  reserve(email: string, now?: Date): Promise<SignInAllowance>;
  /** Gives back an attempt that never reached the password check (malformed request, server error). */
  release(email: string): Promise<void>;
  /** Forgets the email's failures: its password was right. */
  clear(email: string): Promise<void>;
}

/**
 * A per-email throttle on password sign-ins, counted in the database so that it holds across processes and
 * under concurrency: an attempt is reserved by one atomic upsert before the password is checked, so 20 attempts
 * at once cannot all see "9 so far". The window is fixed from the first failure; refused attempts do not
 * extend it.
 */
export function createSignInThrottle(db: Db, secret: string, limit = ACCOUNT_SIGN_IN_LIMIT, scope = 'sign-in'): SignInThrottle {
  const windowMs = limit.windowSeconds * 1000;
  // better-auth looks accounts up by the lower-cased email, so every spelling of one account shares a counter. The
  // scope keeps counters apart that must not meet (staff and store sign-ins of one email, reset mails).
  const keyOf = (email: string) => createHmac('sha256', secret).update(`${scope}:${email.toLowerCase()}`).digest('hex');

  return {
    async reserve(email, now = new Date()) {
      const nowAt = sql`${now.toISOString()}::timestamptz`;
      const expired = sql`${failedSignIns.windowStartedAt} <= ${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
      const [row] = await db
        .insert(failedSignIns)
        .values({ emailHash: keyOf(email), attempts: 1, windowStartedAt: now })
        .onConflictDoUpdate({
          target: failedSignIns.emailHash,
          set: {
            // Capped one past the limit: refused attempts keep it refused without counting on for ever.
            attempts: sql`case when ${expired} then 1 else least(${failedSignIns.attempts} + 1, ${limit.max + 1}) end`,
            windowStartedAt: sql`case when ${expired} then ${nowAt} else ${failedSignIns.windowStartedAt} end`,
          },
        })
        .returning({ attempts: failedSignIns.attempts, windowStartedAt: failedSignIns.windowStartedAt });
      if (row.attempts === 1) {
        // A new window: sweep the windows that have ended, so emails tried once do not pile up.
        await db.delete(failedSignIns).where(lte(failedSignIns.windowStartedAt, new Date(now.getTime() - windowMs)));
      }
      if (row.attempts <= limit.max) return { allowed: true };
      const endsAt = row.windowStartedAt.getTime() + windowMs;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
    },

    async release(email) {
      await db
        .update(failedSignIns)
        .set({ attempts: sql`${failedSignIns.attempts} - 1` })
        .where(and(eq(failedSignIns.emailHash, keyOf(email)), gt(failedSignIns.attempts, 0)));
    },

    async clear(email) {
      await db.delete(failedSignIns).where(eq(failedSignIns.emailHash, keyOf(email)));
    },
  };
}
