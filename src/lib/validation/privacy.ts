import { z } from 'zod';

import { ERASE_CONFIRMATION } from '../privacy-types';

const CONFIRM_MESSAGE = `Type ${ERASE_CONFIRMATION} to confirm: erasure cannot be undone`;

/** The body of POST /customers/{id}/erase: the word that says the caller means it, as staff type it in the dashboard. */
export const customerEraseSchema = z.object({
  confirm: z
    .string({ error: CONFIRM_MESSAGE })
    .refine((value) => value === ERASE_CONFIRMATION, CONFIRM_MESSAGE)
    .describe(`Exactly ${ERASE_CONFIRMATION}`),
});

/** A shopper erasing their own account proves it is them with their password. */
export const storeAccountEraseSchema = z.object({
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(128, 'Enter your password'),
});

export type CustomerEraseInput = z.input<typeof customerEraseSchema>;
export type StoreAccountEraseInput = z.input<typeof storeAccountEraseSchema>;
