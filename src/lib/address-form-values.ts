import type { CustomerAddress } from './types';
import { DEFAULT_PHONE_REGION } from './validation/common';

/** An address as the address forms (dashboard and storefront) hold it: every field a string or a flag. */
export interface AddressFormValues {
  firstName: string;
  lastName: string;
  company: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  countryCode: string;
  phone: string;
  isDefaultShipping: boolean;
  isDefaultBilling: boolean;
}

/** The fields in the order they appear, so server errors focus the first one on the page. */
export const ADDRESS_FIELD_ORDER: (keyof AddressFormValues)[] = [
  'firstName', 'lastName', 'company', 'line1', 'line2', 'city', 'region', 'postalCode', 'countryCode', 'phone', 'isDefaultShipping', 'isDefaultBilling',
];

/** The whole address as form values; edits always send every field, so nothing is reset by omission. */
export function toAddressFormValues(address: CustomerAddress | undefined, names: { firstName: string; lastName: string }): AddressFormValues {
  return {
    firstName: address?.firstName ?? names.firstName,
    lastName: address?.lastName ?? names.lastName,
    company: address?.company ?? '',
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    city: address?.city ?? '',
    region: address?.region ?? '',
    postalCode: address?.postalCode ?? '',
    countryCode: address?.countryCode ?? DEFAULT_PHONE_REGION,
    phone: address?.phone ?? '',
    isDefaultShipping: address?.isDefaultShipping ?? false,
    isDefaultBilling: address?.isDefaultBilling ?? false,
  };
}
