import Link from 'next/link';

import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatMoney } from '@/lib/format';

export interface OverviewListCustomer {
  id: string;
  name: string;
  groupName: string | null;
  totalSpend: number;
  orderCount: number;
  /** Shown under the name, e.g. "At risk · 23% likely active · 210 days since last order". */
  detail?: string;
}

/** A short ranked list of customers, each linking to their page, with spend and orders. */
export function OverviewCustomerList({
  title,
  note,
  customers,
  currency,
  empty,
  footer,
}: {
  title: string;
  note: React.ReactNode;
  customers: OverviewListCustomer[];
  currency: string;
  empty: React.ReactNode;
  footer?: React.ReactNode;
}) {
  return (
    <Card className="flex flex-col">
      <CardHeader>
        <div className="min-w-0">
          <CardTitle>{title}</CardTitle>
          <p className="mt-0.5 text-xs text-slate-500">{note}</p>
        </div>
      </CardHeader>
      {customers.length === 0 ? (
        <CardContent className="flex-1 text-sm text-slate-600">{empty}</CardContent>
      ) : (
        <Table aria-label={title}>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Customer</TableHead>
              <TableHead scope="col" className="text-right">
                Spent
              </TableHead>
              <TableHead scope="col" className="text-right">
                Orders
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {customers.map((customer) => (
              <TableRow key={customer.id}>
                <TableCell className="max-w-0 w-full">
                  <Link href={`/dashboard/customers/${customer.id}`} className="block truncate font-medium text-indigo-700 hover:underline">
                    {customer.name}
                  </Link>
                  <span className="block truncate text-xs text-slate-500">{[customer.groupName ?? 'No group', customer.detail].filter(Boolean).join(' · ')}</span>
                </TableCell>
                <TableCell className="whitespace-nowrap text-right tabular-nums">{formatMoney(customer.totalSpend, currency)}</TableCell>
                <TableCell className="text-right tabular-nums">{customer.orderCount}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {footer && <div className="mt-auto border-t border-slate-100 px-4 py-2.5 text-xs text-slate-600">{footer}</div>}
    </Card>
  );
}
