import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatMoney } from '@/lib/format';
import type { StaffMonth } from '@/lib/staff-metrics-types';

import { shortMonth } from './staff-month-label';

/** The month figures the charts draw, as a table: the charts' text alternative, and the exact numbers. */
export function StaffMonthTable({ months, currency }: { months: StaffMonth[]; currency: string }) {
  return (
    <Table>
      <caption className="sr-only">Customers acquired, their orders and revenue per month</caption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Month</TableHead>
          <TableHead scope="col" className="text-right">
            Customers acquired
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
        {months.map((m) => (
          <TableRow key={m.month}>
            <TableHead scope="row" className="font-normal text-slate-700">
              {shortMonth(m.month)}
            </TableHead>
            <TableCell className="text-right tabular-nums">{m.customersAcquired}</TableCell>
            <TableCell className="text-right tabular-nums">{m.orderCount}</TableCell>
            <TableCell className="text-right tabular-nums">{formatMoney(m.revenue, currency)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
