import { z } from 'zod';

import { isCountryCode } from '../countries';
import { blankToNull, countryCodeSchema, optionalText, phoneSchema, text } from './common';
import { normalisePostcode, postcodeProblem } from './postcode';

// Rules without defaults, so that an update leaves unsent fields alone (zod's .partial() keeps defaults).
const addressFieldRules = {
  firstName: text().max(100, 'First name must be at most 100 characters'),
  lastName: text().max(100, 'Last name must be at most 100 characters'),
  company: optionalText(200, 'Company'),
  line1: text().min(1, 'Address line 1 is required').max(200, 'Address line 1 must be at most 200 characters'),
  line2: optionalText(200, 'Address line 2'),
  // The names the forms show ("Town or city", "County / state", "Postcode"), so the API's messages match them.
  city: text().min(1, 'Town or city is required').max(100, 'Town or city must be at most 100 characters'),
  region: optionalText(100, 'County / state'),
  postalCode: z.preprocess(blankToNull, text().max(20, 'Postcode must be at most 20 characters').overwrite(normalisePostcode).nullable().optional()),
  countryCode: countryCodeSchema,
  phone: z.preprocess(blankToNull, phoneSchema.nullable().optional()),
  isDefaultShipping: z.boolean(),
  isDefaultBilling: z.boolean(),
};

/**
 * The postcode checked against the country (lib/validation/postcode.ts), on the postcode field. An update that sends
 * only one of the two is checked by the service against the stored other (services/customer-addresses.ts).
 */
function checkPostcode(address: { postalCode?: string | null; countryCode?: string }, ctx: z.RefinementCtx): void {
  if (!address.postalCode || !address.countryCode || !isCountryCode(address.countryCode)) return;
  const problem = postcodeProblem(address.postalCode, address.countryCode);
  if (problem) ctx.addIssue({ code: 'custom', path: ['postalCode'], message: problem });
}

export const addressCreateSchema = z
  .object({
    ...addressFieldRules,
    firstName: addressFieldRules.firstName.default(''),
    lastName: addressFieldRules.lastName.default(''),
    isDefaultShipping: addressFieldRules.isDefaultShipping.default(false),
    isDefaultBilling: addressFieldRules.isDefaultBilling.default(false),
  })
  .superRefine(checkPostcode);

export const addressUpdateSchema = z.object(addressFieldRules).partial().superRefine(checkPostcode);

export type AddressCreateInput = z.input<typeof addressCreateSchema>;
export type AddressUpdateInput = z.input<typeof addressUpdateSchema>;

const { isDefaultShipping: _shipping, isDefaultBilling: _billing, ...ownFieldRules } = addressFieldRules;

/**
 * An address's own fields, without the default flags: what an order keeps as its shipping or billing address (a copy,
 * so later edits of the customer's address book do not rewrite the order). Strict, so a misspelt field is named.
 */
export const addressSnapshotSchema = z
  .strictObject({
    ...ownFieldRules,
    firstName: ownFieldRules.firstName.default(''),
    lastName: ownFieldRules.lastName.default(''),
  })
  .superRefine(checkPostcode);

export type AddressSnapshotInput = z.input<typeof addressSnapshotSchema>;
