'use client';

import { CustomerCombobox } from './customer-combobox';
import { useOrdersListNavigation } from './orders-list-navigation';
import { withFilters } from './orders-list-query';

/**
 * Narrows the list to one customer found by name, email or phone. The box stays empty: the chosen customer
 * shows as a removable chip with the other filters, and choosing another replaces it.
 */
export function OrdersCustomerFilter() {
  const { params, navigate } = useOrdersListNavigation();
  return (
    <div className="flex min-w-0 basis-full flex-col gap-1 sm:min-w-64 sm:basis-0 sm:flex-1 sm:flex-row sm:items-center sm:gap-2">
      <label htmlFor="orders-customer" className="shrink-0 text-sm font-medium text-slate-700">
        Customer
      </label>
      <div className="min-w-0 sm:flex-1">
        <CustomerCombobox id="orders-customer" placeholder="Name, email or phone" value={null} onChange={(customer) => customer && navigate(withFilters(params, { customerId: customer.id }))} />
      </div>
    </div>
  );
}
