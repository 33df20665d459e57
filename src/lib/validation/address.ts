import { z } from 'zod';

import { blankToNull, countryCodeSchema, optionalText, phoneSchema } from './common';

export const addressCreateSchema = z.object({
  firstName: z.string().trim().max(100, 'First name must be at most 100 characters').default(''),
  lastName: z.string().trim().max(100, 'Last name must be at most 100 characters').default(''),
  company: optionalText(200, 'Company'),
  line1: z.string().trim().min(1, 'Address line 1 is required').max(200, 'Address line 1 must be at most 200 characters'),
  line2: optionalText(200, 'Address line 2'),
  city: z.string().trim().min(1, 'City is required').max(100, 'City must be at most 100 characters'),
  region: optionalText(100, 'Region'),
  postalCode: optionalText(20, 'Postal code'),
  countryCode: countryCodeSchema,
  phone: z.preprocess(blankToNull, phoneSchema.nullable().optional()),
  isDefaultShipping: z.boolean().default(false),
  isDefaultBilling: z.boolean().default(false),
});

export const addressUpdateSchema = addressCreateSchema.partial();

export type AddressCreateInput = z.input<typeof addressCreateSchema>;
export type AddressUpdateInput = z.input<typeof addressUpdateSchema>;
