import { z } from 'zod';

import { emailSchema } from './common';
import { customerFieldRules } from './customer';
import { orderListQuerySchema } from './order';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);

/**
 * What the storefront's sign-up form asks for. No password: the shopper chooses it once, on the page the
 * confirmation mail links to, since choosing it is what confirms the email.
 */
export const storeSignUpSchema = z.object({
  firstName: customerFieldRules.firstName,
  lastName: customerFieldRules.lastName.default(''),
  email: emailSchema,
});

/**
 * What POST /api/store/auth/sign-up/email accepts, checked by the auth hook: the form's fields and the password
 * better-auth requires. The form sends a random one nobody knows (throwaway-password.ts); confirming replaces it.
 */
export const storeSignUpRequestSchema = storeSignUpSchema.extend({ password: passwordSchema });

/**
 * What a customer may change about themselves; group, tags, notes and email stay with staff. Strict, so that a
 * request naming any other field is refused by name instead of being half applied.
 */
export const storeProfileUpdateSchema = z
  .object({
    firstName: customerFieldRules.firstName,
    lastName: customerFieldRules.lastName,
    phone: customerFieldRules.phone,
    emailMarketingConsent: customerFieldRules.emailMarketingConsent,
    smsMarketingConsent: customerFieldRules.smsMarketingConsent,
  })
  .partial()
  .extend({ version: z.number().int().positive().optional() })
  .strict();

/** GET /api/v1/store/me/orders: a smaller page than the staff lists allow. */
export const storeOrderListQuerySchema = orderListQuerySchema.pick({ cursor: true }).extend({
  limit: z.coerce.number().int('Limit is a whole number').min(1, 'Limit is at least 1').max(100, 'Limit is at most 100').default(20),
});

export type StoreSignUpInput = z.input<typeof storeSignUpSchema>;
export type StoreProfileUpdateInput = z.input<typeof storeProfileUpdateSchema>;
