'use client';

import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';

import { formatDate, formatMoney } from '@/lib/format';
import type { OrderStatus } from '@/lib/types';
import { cn } from '@/lib/utils';

import { ListTable } from '../list/list-table';

import { OrderStatusBadge } from './order-status-badge';
import { orderHref } from './orders-list-query';

/** What one row of the list needs: a slice of listOrders' answer. */
export interface OrdersListRow {
  id: string;
  orderNumber: string;
  status: OrderStatus;
  customerId: string;
  customerName: string;
  itemCount: number;
  /** Minor units of `currency`, as are `refundedTotal`. */
  total: number;
  refundedTotal: number;
  currency: string;
  placedAt: string;
}

const customerHref = (id: string) => `/dashboard/customers/${id}`;

const LINK = 'rounded-sm hover:text-indigo-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500';

function Total({ row, align = 'right' }: { row: OrdersListRow; align?: 'right' | 'left' }) {
  return (
    <div className={align === 'right' ? 'text-right' : undefined}>
      <span className="whitespace-nowrap font-medium tabular-nums text-slate-900">{formatMoney(row.total, row.currency)}</span>
      {row.refundedTotal > 0 && (
        <span className="block whitespace-nowrap text-xs tabular-nums text-red-700">−{formatMoney(row.refundedTotal, row.currency)} refunded</span>
      )}
    </div>
  );
}

const itemsText = (count: number) => `${count.toLocaleString('en-GB')} ${count === 1 ? 'item' : 'items'}`;

// The service lists newest first only (keyset on placed date), so no column sorts.
const columns: ColumnDef<OrdersListRow>[] = [
  {
    id: 'orderNumber',
    header: 'Order',
    cell: ({ row: { original: row } }) => (
      <Link href={orderHref(row.id)} className={cn(LINK, 'whitespace-nowrap font-medium text-slate-900')}>
        <span className="sr-only">Order </span>
        {row.orderNumber}
      </Link>
    ),
  },
  {
    id: 'customer',
    header: 'Customer',
    cell: ({ row: { original: row } }) => (
      <Link href={customerHref(row.customerId)} className={cn(LINK, 'block max-w-56 truncate text-slate-700')}>
        {row.customerName}
      </Link>
    ),
  },
  { id: 'status', header: 'Status', cell: ({ row: { original: row } }) => <OrderStatusBadge status={row.status} /> },
  { id: 'items', header: 'Items', cell: ({ row: { original: row } }) => row.itemCount.toLocaleString('en-GB') },
  { id: 'total', header: 'Total', cell: ({ row: { original: row } }) => <Total row={row} /> },
  {
    id: 'placedAt',
    header: 'Placed',
    cell: ({ row: { original: row } }) => <time dateTime={row.placedAt}>{formatDate(row.placedAt, 'datetime')}</time>,
  },
];

const COLUMN_CLASSES: Record<string, string> = {
  items: 'text-right tabular-nums',
  total: 'text-right',
  placedAt: 'whitespace-nowrap',
};

/**
 * The order list, newest first. At lg and wider it is a table whose rows open the order (keyboard users
 * reach it by the order number's link); narrower, a stacked list of links.
 */
export function OrdersTable({ rows }: { rows: OrdersListRow[] }) {
  // TanStack's table instance is not memoizable by the React Compiler; this component opts out of it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: rows, columns, getRowId: (row) => row.id, getCoreRowModel: getCoreRowModel(), manualPagination: true });

  return (
    <>
      <ListTable table={table} caption="Orders, newest first" columnClasses={COLUMN_CLASSES} rowHref={orderHref} />

      <ul className="divide-y divide-slate-100 lg:hidden" aria-label="Orders">
        {rows.map((row) => (
          <li key={row.id}>
            <Link
              href={orderHref(row.id)}
              className="flex gap-3 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500"
            >
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="font-medium text-slate-900">
                    <span className="sr-only">Order </span>
                    {row.orderNumber}
                  </span>
                  <OrderStatusBadge status={row.status} />
                </p>
                <p className="mt-0.5 truncate text-sm text-slate-600">{row.customerName}</p>
                <p className="text-xs text-slate-500">
                  <time dateTime={row.placedAt}>{formatDate(row.placedAt)}</time> · {itemsText(row.itemCount)}
                </p>
              </div>
              <div className="shrink-0">
                <Total row={row} />
              </div>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
