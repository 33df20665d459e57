import { z } from 'zod';

import { blankToNull, countryCodeSchema, optionalText, phoneSchema, text } from './common';

// Rules without defaults, so that an update leaves unsent fields alone (zod's .partial() keeps defaults).
const addressFieldRules = {
  firstName: text().max(100, 'First name must be at most 100 characters'),
  lastName: text().max(100, 'Last name must be at most 100 characters'),
  company: optionalText(200, 'Company'),
  line1: text().min(1, 'Address line 1 is required').max(200, 'Address line 1 must be at most 200 characters'),
  line2: optionalText(200, 'Address line 2'),
  city: text().min(1, 'City is required').max(100, 'City must be at most 100 characters'),
  region: optionalText(100, 'Region'),
  postalCode: optionalText(20, 'Postal code'),
  countryCode: countryCodeSchema,
  phone: z.preprocess(blankToNull, phoneSchema.nullable().optional()),
  isDefaultShipping: z.boolean(),
  isDefaultBilling: z.boolean(),
};

export const addressCreateSchema = z.object({
  ...addressFieldRules,
  firstName: addressFieldRules.firstName.default(''),
  lastName: addressFieldRules.lastName.default(''),
  isDefaultShipping: addressFieldRules.isDefaultShipping.default(false),
  isDefaultBilling: addressFieldRules.isDefaultBilling.default(false),
});

export const addressUpdateSchema = z.object(addressFieldRules).partial();

export type AddressCreateInput = z.input<typeof addressCreateSchema>;
export type AddressUpdateInput = z.input<typeof addressUpdateSchema>;

const { isDefaultShipping: _shipping, isDefaultBilling: _billing, ...ownFieldRules } = addressFieldRules;

/**
 * An address's own fields, without the default flags: what an order keeps as its shipping or billing address (a copy,
 * so later edits of the customer's address book do not rewrite the order). Strict, so a misspelt field is named.
 */
export const addressSnapshotSchema = z.strictObject({
  ...ownFieldRules,
  firstName: ownFieldRules.firstName.default(''),
  lastName: ownFieldRules.lastName.default(''),
});

export type AddressSnapshotInput = z.input<typeof addressSnapshotSchema>;
