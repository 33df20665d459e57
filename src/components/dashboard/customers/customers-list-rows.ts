import { parsePhoneNumberFromString } from 'libphonenumber-js';

import type { Customer } from '@/lib/types';

import type { CustomersListRow } from './customers-table';

/** Slims customers down to what the list shows (on the server: notes and consent never reach the browser). */
export function toCustomersListRows(customers: Customer[]): CustomersListRow[] {
  return customers.map((customer) => ({
    id: customer.id,
    name: [customer.firstName, customer.lastName].filter(Boolean).join(' ') || '(no name)',
    company: customer.company,
    email: customer.email,
    // Stored as E.164; shown grouped the international way, "+44 7911 123456".
    phone: customer.phone ? (parsePhoneNumberFromString(customer.phone)?.formatInternational() ?? customer.phone) : null,
    group: customer.customerGroup,
    tags: customer.tags,
    orderCount: customer.orderCount,
    totalSpend: customer.totalSpend,
    currency: customer.currency,
    lastOrderDate: customer.lastOrderDate,
    createdAt: customer.createdAt,
  }));
}
