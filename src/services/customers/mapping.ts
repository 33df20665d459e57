import { customers, type CustomerAddressRow, type CustomerRow } from '@/db/schema';
import type { Customer, CustomerAddress } from '@/lib/types';

import { SHOP_CURRENCY } from '@/lib/config';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The columns a Customer is made of: not the generated search and sort helpers, which lists would only carry. */
export const customerColumns = {
  id: customers.id,
  firstName: customers.firstName,
  lastName: customers.lastName,
  email: customers.email,
  phone: customers.phone,
  company: customers.company,
  notes: customers.notes,
  tags: customers.tags,
  customerGroupId: customers.customerGroupId,
  emailMarketingConsent: customers.emailMarketingConsent,
  emailConsentAt: customers.emailConsentAt,
  smsMarketingConsent: customers.smsMarketingConsent,
  smsConsentAt: customers.smsConsentAt,
  createdById: customers.createdById,
  userId: customers.userId,
  totalSpend: customers.totalSpend,
  orderCount: customers.orderCount,
  firstOrderDate: customers.firstOrderDate,
  lastOrderDate: customers.lastOrderDate,
  version: customers.version,
  erasedAt: customers.erasedAt,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
};

export type CustomerFields = Pick<CustomerRow, keyof typeof customerColumns>;

export function toCustomer(row: CustomerFields, group: { id: string; name: string } | null): Customer {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    company: row.company,
    notes: row.notes,
    tags: row.tags,
    customerGroupId: row.customerGroupId,
    customerGroup: group?.id ? group : null,
    emailMarketingConsent: row.emailMarketingConsent,
    emailConsentAt: iso(row.emailConsentAt),
    smsMarketingConsent: row.smsMarketingConsent,
    smsConsentAt: iso(row.smsConsentAt),
    createdById: row.createdById,
    userId: row.userId,
    totalSpend: row.totalSpend,
    currency: SHOP_CURRENCY,
    orderCount: row.orderCount,
    firstOrderDate: iso(row.firstOrderDate),
    lastOrderDate: iso(row.lastOrderDate),
    version: row.version,
    erasedAt: iso(row.erasedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toCustomerAddress(row: CustomerAddressRow): CustomerAddress {
  // The match keys of the duplicate finder are the database's, not the address's.
  const { postalKey: _postalKey, line1Key: _line1Key, ...address } = row;
  return { ...address, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
