import Link from 'next/link';

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDate, formatMoney } from '@/lib/format';
import type { StaffTopCustomer } from '@/lib/staff-metrics-types';

/** The member's acquired customers who brought the most in the period, linking to their customer pages. */
export function StaffTopCustomers({ customers, currency }: { customers: StaffTopCustomer[]; currency: string }) {
  return (
    <Table>
      <caption className="sr-only">Most valuable customers acquired in the period</caption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Customer</TableHead>
          <TableHead scope="col" className="hidden sm:table-cell">
            Acquired
          </TableHead>
          <TableHead scope="col" className="text-right">
            Orders
          </TableHead>
          <TableHead scope="col" className="text-right">
            Revenue
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {customers.map((customer) => (
          <TableRow key={customer.id}>
            <TableCell className="max-w-0 min-w-40">
              <Link href={`/dashboard/customers/${customer.id}`} className="block truncate font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                {customer.name || customer.email || 'Unnamed customer'}
              </Link>
              {customer.email && <span className="block truncate text-xs text-slate-500">{customer.email}</span>}
            </TableCell>
            <TableCell className="hidden whitespace-nowrap text-sm text-slate-600 sm:table-cell">{formatDate(customer.createdAt)}</TableCell>
            <TableCell className="text-right tabular-nums">{customer.orderCount}</TableCell>
            <TableCell className="whitespace-nowrap text-right tabular-nums">{formatMoney(customer.revenue, currency)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
