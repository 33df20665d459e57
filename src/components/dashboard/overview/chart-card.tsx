'use client';

import { Table2 } from 'lucide-react';
import { useId, useState } from 'react';

import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { cn } from '@/lib/utils';

export interface ChartTable {
  columns: string[];
  /** Cells as displayed; the first column names the row, the others are right-aligned figures. */
  rows: string[][];
}

/**
 * A chart with its text alternative: a one-line summary everyone sees, and the chart's data as a table that screen
 * readers always get and sighted readers can show with the toggle. The picture itself is hidden from assistive tech.
 */
export function ChartCard({ title, note, summary, table, children, className }: { title: string; note?: React.ReactNode; summary: string; table: ChartTable; children: React.ReactNode; className?: string }) {
  const [isTableShown, setTableShown] = useState(false);
  const tableId = useId();
  return (
    <Card className={cn('flex flex-col', className)}>
      <CardHeader>
        <div className="min-w-0">
          <CardTitle>{title}</CardTitle>
          {note && <p className="mt-0.5 text-xs text-slate-500">{note}</p>}
        </div>
        <Button type="button" variant="ghost" size="sm" aria-expanded={isTableShown} aria-controls={tableId} onClick={() => setTableShown((shown) => !shown)}>
          <Table2 aria-hidden />
          {isTableShown ? 'Hide table' : 'Show table'}
        </Button>
      </CardHeader>
      <CardContent className="flex flex-1 flex-col gap-3">
        <p className="text-sm text-slate-700" data-testid="chart-summary">
          {summary}
        </p>
        <div aria-hidden className={cn(isTableShown && 'hidden')}>
          {children}
        </div>
        <div id={tableId} className={cn(!isTableShown && 'sr-only')}>
          {/* Inside the 1px sr-only box the table's scroll container would scroll with nothing to focus (axe). */}
          <Table containerClassName={cn(!isTableShown && 'overflow-visible')}>
            <caption className="sr-only">{title}</caption>
            <TableHeader>
              <TableRow>
                {table.columns.map((column, index) => (
                  <TableHead key={column} scope="col" className={cn(index > 0 && 'text-right')}>
                    {column}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {table.rows.map(([label, ...cells]) => (
                <TableRow key={label}>
                  <TableHead scope="row" className="h-auto py-2 font-normal text-slate-700">
                    {label}
                  </TableHead>
                  {cells.map((cell, index) => (
                    <TableCell key={index} className="py-2 text-right tabular-nums">
                      {cell}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </CardContent>
    </Card>
  );
}
