import type { CustomerAddressRow, CustomerRow } from '@/db/schema';
import type { Customer, CustomerAddress } from '@/lib/types';

import { SHOP_CURRENCY } from '../shop';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toCustomer(row: CustomerRow, group: { id: string; name: string } | null): Customer {
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
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toCustomerAddress(row: CustomerAddressRow): CustomerAddress {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
