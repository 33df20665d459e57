import { countryName } from './countries';
import type { AddressFields } from './types';

// Where the postcode goes on the town line: before the town in most of continental Europe ("75008 Paris"), after the
// region in North America and Australia ("Austin, TX 78701"), on a line of its own in the UK and Ireland.
const POSTCODE_FIRST = new Set(['AT', 'BE', 'CH', 'CZ', 'DE', 'DK', 'ES', 'FI', 'FR', 'IS', 'IT', 'LU', 'NL', 'NO', 'PL', 'PT', 'SE', 'SK']);
const REGION_THEN_POSTCODE = new Set(['AU', 'CA', 'US']);
const POSTCODE_OWN_LINE = new Set(['GB', 'IE', 'IM', 'JE', 'GG']);

/** The town, region and postcode as the address's country writes them: one or two lines. */
export function localityLines(address: Pick<AddressFields, 'city' | 'region' | 'postalCode' | 'countryCode'>): string[] {
  const { city, region, postalCode: postcode, countryCode } = address;
  const join = (...parts: (string | null)[]) => parts.filter(Boolean).join(' ');
  if (POSTCODE_FIRST.has(countryCode)) return [join(postcode, city), region].filter((line): line is string => Boolean(line));
  if (REGION_THEN_POSTCODE.has(countryCode)) return [[city, join(region, postcode)].filter(Boolean).join(', ')];
  if (POSTCODE_OWN_LINE.has(countryCode)) return [[city, region].filter(Boolean).join(', '), postcode].filter((line): line is string => Boolean(line));
  return [[city, region, postcode].filter(Boolean).join(', ')];
}

/** An address as the lines printed on a parcel: name, company, street, town lines, country (phone left to the caller). */
export function addressLines(address: AddressFields): string[] {
  const name = `${address.firstName} ${address.lastName}`.trim();
  return [name, address.company, address.line1, address.line2, ...localityLines(address), countryName(address.countryCode)].filter((line): line is string => Boolean(line));
}

const FIELDS: Record<keyof AddressFields, true> = {
  firstName: true, lastName: true, company: true, line1: true, line2: true, city: true, region: true, postalCode: true, countryCode: true, phone: true,
};

/** Whether two addresses are the same, field by field (an order's billing address then reads "Same as shipping"). */
export function sameAddress(a: AddressFields | null, b: AddressFields | null): boolean {
  if (!a || !b) return a === b;
  return (Object.keys(FIELDS) as (keyof AddressFields)[]).every((key) => (a[key] ?? null) === (b[key] ?? null));
}
