import { base, en, en_AU, en_GB, en_IE, en_US, de, es, Faker, fr, nl, type LocaleDefinition } from '@faker-js/faker';

/** A country the demo shop sells to: how common its customers are, where its names come from, and its phone numbers. */
export interface DemoCountry {
  code: string;
  /** Relative share of customers. */
  weight: number;
  locale: LocaleDefinition;
  /** Country calling code, with '+'. */
  callingCode: string;
  /**
   * Mobile number prefixes after the calling code, each checked (src/seed/demo-generator.test.ts) to give a number
   * libphonenumber-js calls valid for that country whatever the random digits after it.
   */
  mobilePrefixes: string[];
  /** Length of the national significant number (digits after the calling code). */
  nationalLength: number;
  /** Whether addresses there carry a region (state, province). */
  hasRegion: boolean;
  /**
   * A postcode of the country's format, where faker's own is not one (its en_GB inward codes, en_IE Eircodes and
   * es codes break the formats the address schema checks, lib/validation/postcode.ts); faker's own elsewhere.
   */
  postcode?: (faker: Faker) => string;
}

// Eircode letters: no B, G, I, J, L, M, O, Q, S, U or Z.
const EIRCODE_LETTERS = 'ACDEFHKNPRTVWXY';

export const DEMO_COUNTRIES: DemoCountry[] = [
  { code: 'GB', weight: 30, locale: en_GB, callingCode: '+44', mobilePrefixes: ['71', '73', '740', '741', '747', '751', '754', '757'], nationalLength: 10, hasRegion: false, postcode: (faker) => faker.helpers.replaceSymbols('??# #??') },
  { code: 'US', weight: 22, locale: en_US, callingCode: '+1', mobilePrefixes: ['201', '212', '303', '312', '415', '512', '617', '206'], nationalLength: 10, hasRegion: true },
  { code: 'DE', weight: 12, locale: de, callingCode: '+49', mobilePrefixes: ['151', '152', '160', '170', '171', '176', '177'], nationalLength: 11, hasRegion: false },
  { code: 'FR', weight: 9, locale: fr, callingCode: '+33', mobilePrefixes: ['6', '75', '76', '77', '78'], nationalLength: 9, hasRegion: false },
  { code: 'NL', weight: 7, locale: nl, callingCode: '+31', mobilePrefixes: ['61', '62', '63', '64', '65'], nationalLength: 9, hasRegion: false },
  { code: 'IE', weight: 6, locale: en_IE, callingCode: '+353', mobilePrefixes: ['83', '85', '86', '87', '89'], nationalLength: 9, hasRegion: false,
    postcode: (faker) => `${faker.string.fromCharacters(EIRCODE_LETTERS)}${faker.string.numeric({ length: 2, allowLeadingZeros: true })} ${faker.string.fromCharacters(`${EIRCODE_LETTERS}0123456789`, 4)}` },
  { code: 'AU', weight: 7, locale: en_AU, callingCode: '+61', mobilePrefixes: ['40', '41', '42', '43'], nationalLength: 9, hasRegion: true },
  { code: 'ES', weight: 7, locale: es, callingCode: '+34', mobilePrefixes: ['6', '71', '72', '73'], nationalLength: 9, hasRegion: true,
    // The first two digits are the province, 01–52.
    postcode: (faker) => `${String(faker.number.int({ min: 1, max: 52 })).padStart(2, '0')}${faker.string.numeric({ length: 3, allowLeadingZeros: true })}` },
];

/** A postcode valid for the country's format. */
export function demoPostcode(country: DemoCountry, faker: Faker): string {
  return country.postcode ? country.postcode(faker) : faker.location.zipCode();
}

/** One faker per country, each seeded from the run's seed so that the same seed gives the same people. */
export function countryFakers(seed: number): Map<string, Faker> {
  return new Map(
    DEMO_COUNTRIES.map((country, i) => {
      const faker = new Faker({ locale: [country.locale, en, base] });
      faker.seed(seed * 101 + i + 1);
      return [country.code, faker];
    }),
  );
}

/** A random mobile number of the country in E.164 (US numbers get a valid exchange: it never starts with 0 or 1). */
export function demoPhone(country: DemoCountry, faker: Faker): string {
  const prefix = faker.helpers.arrayElement(country.mobilePrefixes);
  const restLength = country.nationalLength - prefix.length;
  const first = country.code === 'US' ? String(faker.number.int({ min: 2, max: 9 })) : '';
  return country.callingCode + prefix + first + faker.string.numeric({ length: restLength - first.length, allowLeadingZeros: true });
}
