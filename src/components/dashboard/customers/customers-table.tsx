'use client';

import { getCoreRowModel, useReactTable, type ColumnDef, type RowSelectionState, type SortingState } from '@tanstack/react-table';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import * as React from 'react';

import { countMatchingCustomersAction } from '@/actions/groups';
import { Badge } from '@/components/ui/badge';
import { formatDate, formatMoney } from '@/lib/format';
import type { CustomerFilter } from '@/lib/validation/customer';

import { ListTable, RowSelectCheckbox, selectColumn } from '../list/list-table';

import { CustomersBulkBar } from './customers-bulk-bar';
import type { ExportQuery } from './customers-export-href';
import { useCustomersListNavigation } from './customers-list-navigation';
import { parseSort, withQuery } from './customers-list-query';

/** What one row of the list needs: a slice of Customer, with the phone already formatted for reading. */
export interface CustomersListRow {
  id: string;
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  group: { id: string; name: string } | null;
  tags: string[];
  orderCount: number;
  /** Minor units of `currency`. */
  totalSpend: number;
  currency: string;
  lastOrderDate: string | null;
  createdAt: string;
}

export const customerHref = (id: string) => `/dashboard/customers/${id}`;

const Muted = ({ children }: { children: React.ReactNode }) => <span className="text-slate-600">{children}</span>;

const TAGS_SHOWN = 2;

// Column ids of sortable columns are the service's sort fields. Text sorts A→Z first; numbers and dates biggest/newest first.
const columns: ColumnDef<CustomersListRow>[] = [
  {
    id: 'name',
    header: 'Name',
    accessorFn: (row) => row.name,
    sortDescFirst: false,
    cell: ({ row: { original: row } }) => (
      <div className="min-w-0 max-w-48">
        <Link
          href={customerHref(row.id)}
          className="block truncate rounded-sm font-medium text-slate-900 hover:text-indigo-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
        >
          {row.name}
        </Link>
        {row.company && <p className="truncate text-xs text-slate-500">{row.company}</p>}
        {/* Where the Email column is hidden, the address sits under the name. */}
        {row.email && <p className="truncate text-xs text-slate-500 xl:hidden">{row.email}</p>}
      </div>
    ),
  },
  {
    id: 'email',
    header: 'Email',
    accessorFn: (row) => row.email,
    sortDescFirst: false,
    cell: ({ row: { original: row } }) => (row.email ? <span className="block max-w-44 truncate 2xl:max-w-52" title={row.email}>{row.email}</span> : <Muted>—</Muted>),
  },
  {
    id: 'phone',
    header: 'Phone',
    enableSorting: false,
    cell: ({ row: { original: row } }) => (row.phone ? <span className="whitespace-nowrap tabular-nums">{row.phone}</span> : <Muted>—</Muted>),
  },
  {
    id: 'group',
    header: 'Group',
    enableSorting: false,
    cell: ({ row: { original: row } }) => (row.group ? <Badge variant="secondary">{row.group.name}</Badge> : <Muted>—</Muted>),
  },
  {
    id: 'tags',
    header: 'Tags',
    enableSorting: false,
    cell: ({ row: { original: row } }) =>
      row.tags.length === 0 ? (
        <Muted>—</Muted>
      ) : (
        <div className="flex items-center gap-1 whitespace-nowrap" title={row.tags.join(', ')}>
          {row.tags.slice(0, TAGS_SHOWN).map((tag) => (
            <Badge key={tag} variant="default" className="max-w-24">
              <span className="truncate">{tag}</span>
            </Badge>
          ))}
          {row.tags.length > TAGS_SHOWN && (
            <Badge variant="secondary">
              +{row.tags.length - TAGS_SHOWN}
              <span className="sr-only"> more: {row.tags.slice(TAGS_SHOWN).join(', ')}</span>
            </Badge>
          )}
        </div>
      ),
  },
  {
    id: 'orderCount',
    header: 'Orders',
    accessorFn: (row) => row.orderCount,
    sortDescFirst: true,
    cell: ({ row: { original: row } }) => row.orderCount.toLocaleString('en-GB'),
  },
  {
    id: 'totalSpend',
    header: 'Total spent',
    accessorFn: (row) => row.totalSpend,
    sortDescFirst: true,
    cell: ({ row: { original: row } }) => formatMoney(row.totalSpend, row.currency),
  },
  {
    id: 'lastOrderDate',
    header: 'Last order',
    accessorFn: (row) => row.lastOrderDate,
    sortDescFirst: true,
    cell: ({ row: { original: row } }) => (row.lastOrderDate ? formatDate(row.lastOrderDate) : <Muted>Never</Muted>),
  },
  {
    id: 'createdAt',
    header: 'Created',
    accessorFn: (row) => row.createdAt,
    sortDescFirst: true,
    cell: ({ row: { original: row } }) => formatDate(row.createdAt),
  },
];

const selectCustomers = selectColumn<CustomersListRow>({ noun: 'customers', nameOf: (row) => row.name });

/** What selecting rows needs: where they can go, and the list's filter for "everyone matching". */
export interface CustomersBulkOptions {
  groups: { id: string; name: string }[];
  filter: CustomerFilter;
  /** The filter matches more than this page, so widening the selection means something. */
  hasMorePages: boolean;
  /** The list's filter and sort for the Export menu; absent for a role that may not export. */
  exportQuery?: ExportQuery;
  /** The role may delete customers, so the bar offers deleting those without orders. */
  canDelete?: boolean;
}

// Secondary columns give way first as the screen narrows (below lg the stacked list replaces the table).
const COLUMN_CLASSES: Record<string, string> = {
  email: 'hidden xl:table-cell',
  phone: 'hidden min-[1680px]:table-cell',
  tags: 'hidden min-[1400px]:table-cell',
  orderCount: 'text-right tabular-nums',
  totalSpend: 'text-right tabular-nums whitespace-nowrap',
  lastOrderDate: 'whitespace-nowrap',
  createdAt: 'hidden xl:table-cell whitespace-nowrap',
  select: 'w-10',
};

/**
 * The customer list. Sorting and paging happen on the server (manual mode): a header click only changes
 * the URL. At lg and wider it is a table; narrower, a stacked list of links.
 */
export function CustomersTable({ rows, bulk }: { rows: CustomersListRow[]; bulk?: CustomersBulkOptions }) {
  const { params, navigate } = useCustomersListNavigation();
  const router = useRouter();
  const [rowSelection, setRowSelection] = React.useState<RowSelectionState>({});
  const [isAllMatching, setIsAllMatching] = React.useState(false);
  const [matchingCount, setMatchingCount] = React.useState<number | null>(null);
  const [status, setStatus] = React.useState<string | null>(null);
  const selectedIds = rows.filter((row) => rowSelection[row.id]).map((row) => row.id);
  const isWholePage = rows.length > 0 && selectedIds.length === rows.length;

  function changeSelection(next: RowSelectionState) {
    setRowSelection(next);
    setIsAllMatching(false);
    setStatus(null);
    // Counting every match is a query of its own, so it runs only when the offer to select them all appears.
    if (bulk?.hasMorePages && matchingCount === null && rows.every((row) => next[row.id])) {
      void countMatchingCustomersAction(bulk.filter).then((result) => result.ok && setMatchingCount(result.data.count));
    }
  }

  function toggleRow(id: string) {
    changeSelection({ ...rowSelection, [id]: !rowSelection[id] });
  }

  function afterBulkAction(message: string) {
    setRowSelection({});
    setIsAllMatching(false);
    setMatchingCount(null);
    setStatus(message);
    router.refresh();
  }
  const sort = parseSort(params.sort);
  const sorting: SortingState = [{ id: sort.field, desc: sort.isDescending }];

  // TanStack's table instance is not memoizable by the React Compiler; this component opts out of it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: bulk ? [selectCustomers, ...columns] : columns,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    enableRowSelection: !!bulk,
    state: { sorting, rowSelection },
    onRowSelectionChange: (updater) => changeSelection(typeof updater === 'function' ? updater(rowSelection) : updater),
    onSortingChange: (updater) => {
      const [next] = typeof updater === 'function' ? updater(sorting) : updater;
      if (next) navigate(withQuery(params, { sort: `${next.id}:${next.desc ? 'desc' : 'asc'}` }));
    },
  });

  return (
    <>
      {bulk && selectedIds.length > 0 && (
        <CustomersBulkBar
          selection={{ ids: selectedIds, isWholePage, isAllMatching, matchingCount }}
          canWiden={bulk.hasMorePages}
          groups={bulk.groups}
          target={isAllMatching ? { filter: bulk.filter } : { ids: selectedIds }}
          exportQuery={bulk.exportQuery}
          canDelete={!!bulk.canDelete}
          onSelectAllMatching={() => setIsAllMatching(true)}
          onClear={() => changeSelection({})}
          onDone={afterBulkAction}
        />
      )}
      {/* Always in the page, so screen readers announce the outcome of a bulk action when it is written in. */}
      <div role="status" aria-live="polite">
        {status && <p className="border-b border-emerald-100 bg-emerald-50 px-4 py-2 text-sm text-emerald-900">{status}</p>}
      </div>
      <ListTable
        table={table}
        caption={`Customers, sorted by ${sort.field === 'createdAt' ? 'date created' : sort.field}, ${sort.isDescending ? 'descending' : 'ascending'}`}
        columnClasses={COLUMN_CLASSES}
        rowHref={customerHref}
      />

      <ul className="divide-y divide-slate-100 lg:hidden" aria-label="Customers">
        {rows.map((row) => (
          <li key={row.id} className="flex items-stretch">
            {bulk && <RowSelectCheckbox isSelected={!!rowSelection[row.id]} name={row.name} onToggle={() => toggleRow(row.id)} />}
            <Link
              href={customerHref(row.id)}
              className="flex min-w-0 flex-1 gap-3 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500"
            >
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium text-slate-900">{row.name}</p>
                <p className="truncate text-sm text-slate-600">{row.email ?? row.phone ?? '—'}</p>
                {(row.group || row.company) && (
                  <p className="mt-1 flex min-w-0 items-center gap-2 text-xs text-slate-500">
                    {row.group && <Badge variant="secondary">{row.group.name}</Badge>}
                    {row.company && <span className="truncate">{row.company}</span>}
                  </p>
                )}
              </div>
              <div className="shrink-0 text-right">
                <p className="font-medium tabular-nums text-slate-900">{formatMoney(row.totalSpend, row.currency)}</p>
                <p className="text-xs text-slate-500">
                  {row.orderCount === 0 ? 'No orders' : `${row.orderCount.toLocaleString('en-GB')} ${row.orderCount === 1 ? 'order' : 'orders'}`}
                </p>
                {row.lastOrderDate && <p className="text-xs text-slate-500">Last {formatDate(row.lastOrderDate)}</p>}
              </div>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
