import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';

import { countryName } from '../countries';

// Postcodes are checked against the chosen country's format (postcode-validator's patterns). A country it has no
// pattern for (or one without postcodes) takes any sane code: letters and digits, with spaces or hyphens between.
const SANE_POSTCODE = /^[A-Z0-9](?:[A-Z0-9 -]*[A-Z0-9])?$/;

/** How people name the code where it is not a "postcode", and an example, for the countries shops meet most. */
const POSTCODE_HINTS: Record<string, { name?: string; example: string }> = {
  GB: { name: 'UK postcode', example: 'SW1A 1AA' },
  US: { name: 'US ZIP code', example: '94105' },
  CA: { name: 'Canadian postal code', example: 'K1A 0B1' },
  IE: { name: 'Irish Eircode', example: 'D02 X285' },
  AU: { example: '2000' },
  DE: { example: '10115' },
  FR: { example: '75008' },
  NL: { example: '1012 AB' },
  ES: { example: '28001' },
  IT: { example: '00184' },
  JP: { example: '100-0001' },
};

/** The field's own normalisation: differences nobody means (case, spaces around and between) are not errors. */
export function normalisePostcode(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** "Enter a valid UK postcode, like SW1A 1AA"; "Enter a valid postcode for Brazil". */
export function postcodeMessage(countryCode: string): string {
  const hint = POSTCODE_HINTS[countryCode];
  const what = hint?.name ?? `postcode for ${countryName(countryCode)}`;
  return `Enter a valid ${what}${hint ? `, like ${hint.example}` : ''}`;
}

/** Null when the (normalised) postcode fits the country, else the message to show on the postcode field. */
export function postcodeProblem(postcode: string, countryCode: string): string | null {
  const code = normalisePostcode(postcode);
  const fits = postcodeValidatorExistsForCountry(countryCode) ? postcodeValidator(code, countryCode) : SANE_POSTCODE.test(code);
  return fits ? null : postcodeMessage(countryCode);
}
