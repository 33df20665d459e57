import { countryName } from '@/lib/countries';
import type { CustomerAddress } from '@/lib/types';

/** An address as the lines printed on a parcel: name, company, street, town and postcode, country. */
export function addressLines(address: CustomerAddress): string[] {
  const name = `${address.firstName} ${address.lastName}`.trim();
  const town = [address.city, address.region, address.postalCode].filter(Boolean).join(', ');
  return [name, address.company, address.line1, address.line2, town, countryName(address.countryCode)].filter((line): line is string => Boolean(line));
}

/** "12 High St, London" — short enough to name the address in a button label or a confirmation. */
export function addressSummary(address: CustomerAddress): string {
  return [address.line1, address.city].filter(Boolean).join(', ');
}
