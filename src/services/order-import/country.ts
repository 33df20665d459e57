import { COUNTRY_CODES, countryName, isCountryCode } from '@/lib/countries';

// Names that order exports use but that are not the English short names Intl gives. Values that name no single
// country map to null: "Channel Islands" is Jersey and Guernsey (JE, GG) and the file does not say which.
const ALIASES: Record<string, string | null> = {
  eire: 'IE',
  ireland: 'IE',
  rsa: 'ZA',
  usa: 'US',
  'united states of america': 'US',
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'czech republic': 'CZ',
  'hong kong': 'HK',
  'south korea': 'KR',
  'korea, republic of': 'KR',
  russia: 'RU',
  'channel islands': null,
  'european community': null,
  'european union': null,
  unspecified: null,
};

let byName: Map<string, string> | undefined;

/** The ISO 3166-1 alpha-2 code of a country as an export names it ("United Kingdom", "EIRE", "RSA", "GB"); null when it names none. */
export function countryCodeFromName(value: string): string | null {
  const key = value.trim().toLowerCase();
  if (key === '') return null;
  if (key in ALIASES) return ALIASES[key];
  if (key.length === 2 && isCountryCode(key.toUpperCase())) return key.toUpperCase();
  byName ??= new Map(COUNTRY_CODES.map((code) => [countryName(code).toLowerCase(), code]));
  return byName.get(key) ?? null;
}
