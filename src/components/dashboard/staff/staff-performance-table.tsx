import Link from 'next/link';

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatMoney } from '@/lib/format';
import type { StaffPerformance } from '@/lib/staff-metrics-types';

import { StaffRoleBadge } from './staff-role-badge';

/** Staff with their period figures; each name links to the member's page for the same period (`query`). */
export function StaffPerformanceTable({ rows, currency, query }: { rows: StaffPerformance[]; currency: string; query: string }) {
  return (
    <Table>
      <caption className="sr-only">Staff members with the customers they acquired in the period and the revenue those customers brought</caption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Name</TableHead>
          <TableHead scope="col" className="hidden sm:table-cell">
            Role
          </TableHead>
          <TableHead scope="col" className="text-right">
            Customers
          </TableHead>
          <TableHead scope="col" className="hidden text-right md:table-cell">
            Orders
          </TableHead>
          <TableHead scope="col" className="text-right">
            Revenue
          </TableHead>
          <TableHead scope="col" className="hidden text-right sm:table-cell">
            Avg customer value
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id}>
            <TableCell className="max-w-0 min-w-36">
              <Link href={`/dashboard/staff/${row.id}${query}`} className="block truncate font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                {row.name}
              </Link>
              <span className="text-xs text-slate-500 sm:hidden">{row.role === 'staff' ? 'Staff' : row.role === 'admin' ? 'Admin' : 'Owner'}</span>
            </TableCell>
            <TableCell className="hidden sm:table-cell">
              <StaffRoleBadge role={row.role} />
            </TableCell>
            <TableCell className="text-right tabular-nums">{row.customersAcquired}</TableCell>
            <TableCell className="hidden text-right tabular-nums md:table-cell">{row.orderCount}</TableCell>
            <TableCell className="whitespace-nowrap text-right tabular-nums">{formatMoney(row.revenue, currency)}</TableCell>
            <TableCell className="hidden whitespace-nowrap text-right tabular-nums sm:table-cell">
              {row.averageCustomerValue === null ? '—' : formatMoney(row.averageCustomerValue, currency)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
