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
    <div className="flex min-w-0 basis-full items-center gap-2 sm:basis-0 sm:flex-1">
      <label htmlFor="orders-customer" className="w-[4.5rem] shrink-0 text-sm font-medium text-slate-700 sm:w-auto">
        Customer
      </label>
      <div className="min-w-0 flex-1">
        <CustomerCombobox id="orders-customer" placeholder="Name, email or phone" value={null} onChange={(customer) => customer && navigate(withFilters(params, { customerId: customer.id }))} />
      </div>
    </div>
  );
}
