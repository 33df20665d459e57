import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';

import { isCountryCode } from '../countries';

// Numbers typed without a +country prefix are read as numbers of the shop's country.
export const DEFAULT_PHONE_REGION: CountryCode = 'GB';

// PostgreSQL text cannot hold U+0000; refuse it here with a message rather than fail in the database.
const hasNoNul = (value: string) => !value.includes('\u0000');

/** Trimmed text that PostgreSQL can store. */
export const text = () => z.string().trim().refine(hasNoNul, 'Contains an invalid character');

const trimmed = text();

/** Treats '' and whitespace as "not given", so that optional form fields can be left blank. */
export const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

export const emailSchema = trimmed
  .max(254, 'Email is too long')
  .pipe(z.email('Enter a valid email address, like name@example.com'))
  .transform((email) => email.toLowerCase());

/**
 * Any phone number libphonenumber considers valid, normalised to E.164; a number without a +country prefix is read as
 * one of `region` (the CSV import passes the address's country).
 */
export const phoneSchemaFor = (region: CountryCode) =>
  trimmed.max(40, 'Phone number is too long').transform((value, ctx) => {
    const parsed = parsePhoneNumberFromString(value, region);
    if (!parsed || !parsed.isValid()) {
      ctx.addIssue({ code: 'custom', message: 'Enter a valid phone number, like +44 7911 123456' });
      return z.NEVER;
    }
    return parsed.number;
  });

/** A phone number of the shop's country, or any with a +country prefix, normalised to E.164. */
export const phoneSchema = phoneSchemaFor(DEFAULT_PHONE_REGION);

export const countryCodeSchema = trimmed
  .toUpperCase()
  .refine(isCountryCode, 'Choose a country (ISO 3166-1 code such as GB or US)');

/** Money in integer minor units (cents, pence). Never a float. */
export const moneyMinorSchema = z
  .number({ error: 'Enter an amount in minor units (a whole number of cents)' })
  .int('Amounts are whole numbers of minor units (cents), not decimals')
  .min(0, 'Amount cannot be negative')
  .max(Number.MAX_SAFE_INTEGER, 'Amount is too large');

export const uuidSchema = z.uuid('Must be a valid id');

export const optionalText = (max: number, label: string) =>
  z.preprocess(blankToNull, text().max(max, `${label} must be at most ${max} characters`).nullable().optional());

/** A calendar date or time within years PostgreSQL and people use (1900–9999). */
export const dateParamSchema = z.preprocess(
  blankToNull,
  z.coerce
    .date({ error: 'Use a date like 2024-05-31' })
    .min(new Date('1900-01-01T00:00:00Z'), 'Use a date after 1900')
    .max(new Date('9999-12-31T23:59:59Z'), 'Use a date before the year 10000')
    .nullable()
    .optional(),
);
