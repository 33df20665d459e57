'use client';

import { flexRender, type ColumnDef, type Table as TanStackTable } from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import { useRouter } from 'next/navigation';
import * as React from 'react';

import { Checkbox } from '@/components/ui/checkbox';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { cn } from '@/lib/utils';

/** Follows a row click to the row's page, unless the click was on a control or selected some text. */
export function useRowNavigation(hrefOf: (id: string) => string) {
  const router = useRouter();
  return (event: React.MouseEvent, id: string) => {
    const target = event.target as HTMLElement;
    if (target.closest('a, button, input, select, textarea, label')) return;
    if (window.getSelection()?.toString()) return;
    if (event.metaKey || event.ctrlKey) window.open(hrefOf(id), '_blank', 'noopener');
    else router.push(hrefOf(id));
  };
}

interface ListTableProps<T extends { id: string }> {
  table: TanStackTable<T>;
  caption: string;
  /** Classes of each column's header and cells, by column id (widths, alignment, when a column gives way). */
  columnClasses: Record<string, string>;
  /** The row's page, which a click anywhere on the row opens (keyboard users reach it by the row's own link). */
  rowHref: (id: string) => string;
}

/**
 * A list's table, shown at lg and wider (each list stacks its rows its own way below). Sorting happens on the server
 * (manual mode): a sortable header is a button that changes the URL through the table's onSortingChange.
 */
export function ListTable<T extends { id: string }>({ table, caption, columnClasses, rowHref }: ListTableProps<T>) {
  const openRow = useRowNavigation(rowHref);
  return (
    <Table containerClassName="hidden lg:block">
      <caption className="sr-only">{caption}</caption>
      <TableHeader>
        {table.getHeaderGroups().map((headerGroup) => (
          <TableRow key={headerGroup.id}>
            {headerGroup.headers.map((header) => {
              const { column } = header;
              const sorted = column.getIsSorted();
              const label = flexRender(column.columnDef.header, header.getContext());
              return (
                <TableHead
                  key={header.id}
                  scope="col"
                  aria-sort={column.getCanSort() ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined}
                  className={cn(columnClasses[column.id])}
                >
                  {column.getCanSort() ? (
                    <button
                      type="button"
                      onClick={column.getToggleSortingHandler()}
                      className={cn(
                        'group -mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-1 hover:bg-slate-200/60 hover:text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500',
                        sorted && 'text-slate-900',
                      )}
                    >
                      {label}
                      {sorted === 'asc' ? (
                        <ArrowUp className="size-3.5" aria-hidden />
                      ) : sorted === 'desc' ? (
                        <ArrowDown className="size-3.5" aria-hidden />
                      ) : (
                        <ChevronsUpDown className="size-3.5 text-slate-400 group-hover:text-slate-600" aria-hidden />
                      )}
                    </button>
                  ) : (
                    label
                  )}
                </TableHead>
              );
            })}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {table.getRowModel().rows.map((row) => (
          <TableRow key={row.id} onClick={(event) => openRow(event, row.original.id)} className="cursor-pointer hover:bg-slate-50">
            {row.getVisibleCells().map((cell) => (
              <TableCell key={cell.id} className={cn('text-slate-700', columnClasses[cell.column.id])}>
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A native checkbox whose `indeterminate` (some rows ticked) follows the prop; HTML has no attribute for it. */
function SelectCheckbox({ isIndeterminate = false, ...props }: React.ComponentProps<typeof Checkbox> & { isIndeterminate?: boolean }) {
  const ref = React.useRef<HTMLInputElement>(null);
  React.useEffect(() => {
    if (ref.current) ref.current.indeterminate = isIndeterminate;
  }, [isIndeterminate]);
  return <Checkbox ref={ref} {...props} />;
}

/**
 * The column of row checkboxes, for a table with row selection. The label is the click target, so the whole cell
 * ticks the box instead of opening the row.
 */
export function selectColumn<T>({ noun, nameOf }: { noun: string; nameOf: (row: T) => string }): ColumnDef<T> {
  return {
    id: 'select',
    enableSorting: false,
    header: ({ table }) => (
      <label className="-m-2 flex cursor-pointer p-2">
        <SelectCheckbox
          checked={table.getIsAllPageRowsSelected()}
          isIndeterminate={table.getIsSomePageRowsSelected()}
          onChange={table.getToggleAllPageRowsSelectedHandler()}
        />
        <span className="sr-only">Select all {noun} on this page</span>
      </label>
    ),
    cell: ({ row }) => (
      <label className="-m-2 flex cursor-pointer p-2">
        <Checkbox checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} />
        <span className="sr-only">Select {nameOf(row.original)}</span>
      </label>
    ),
  };
}

/** A row's checkbox in a stacked (narrow-screen) list, beside the row's link. */
export function RowSelectCheckbox({ isSelected, name, onToggle }: { isSelected: boolean; name: string; onToggle: () => void }) {
  return (
    <label className="flex cursor-pointer items-center pl-4 pr-1">
      <Checkbox checked={isSelected} onChange={onToggle} />
      <span className="sr-only">Select {name}</span>
    </label>
  );
}
