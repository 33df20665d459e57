import { z } from 'zod';

import { emailSchema } from '@/lib/validation/common';

/** The forms that ask only for an email (forgot password, a new verification link). */
export const emailOnlySchema = z.object({ email: z.string().trim().min(1, 'Enter your email').pipe(emailSchema) });
export type EmailOnlyInput = z.input<typeof emailOnlySchema>;
export type EmailOnlyValues = z.output<typeof emailOnlySchema>;
