'use client';

import { useState } from 'react';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { ImportReport } from '@/lib/customer-import-types';

const PAGE = 50;
const number = (value: number) => value.toLocaleString('en-GB');

/** The counts of a dry run or an import, and its row problems (line, column, message), 50 to a page. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(report.problems.length / PAGE));
  const shown = report.problems.slice(page * PAGE, (page + 1) * PAGE);
  const counts = [
    { label: report.dryRun ? 'Would create' : 'Created', value: report.created },
    { label: report.dryRun ? 'Would update' : 'Updated', value: report.updated },
    { label: 'Unchanged', value: report.unchanged },
    { label: 'Skipped', value: report.skipped },
    { label: 'Errors', value: report.errors },
  ];
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        <span className="font-medium text-slate-900">{report.fileName}</span> · {report.format} · {number(report.rows)} rows
        {report.ignoredColumns.length > 0 && <> · not imported: {report.ignoredColumns.join(', ')}</>} · existing customers {report.overwrite ? 'are updated' : 'are skipped'}
      </p>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5" aria-label="Counts">
        {counts.map((count) => (
          <div key={count.label} className="rounded-lg border border-slate-200 bg-white px-3 py-2">
            <dt className="text-xs text-slate-500">{count.label}</dt>
            <dd className="text-xl font-semibold tabular-nums text-slate-900">{number(count.value)}</dd>
          </div>
        ))}
      </dl>
      {report.problemCount === 0 ? (
        <p className="text-sm text-emerald-700">Every row can be imported.</p>
      ) : (
        <section aria-labelledby="row-problems" className="space-y-2">
          <h2 id="row-problems" className="text-sm font-semibold text-slate-900">
            Row problems{' '}
            <span className="font-normal text-slate-500">
              {report.problems.length < report.problemCount ? `(first ${number(report.problems.length)} of ${number(report.problemCount)})` : `(${number(report.problemCount)})`}
            </span>
          </h2>
          <Table aria-label="Row problems">
            <TableHeader>
              <TableRow>
                <TableHead className="w-16">Line</TableHead>
                <TableHead className="w-24 sm:w-48">Column</TableHead>
                <TableHead>Problem</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((problem) => (
                <TableRow key={`${problem.line}-${problem.column}-${problem.message}`}>
                  <TableCell className="tabular-nums">{number(problem.line)}</TableCell>
                  <TableCell className="break-words">{problem.column ?? '—'}</TableCell>
                  <TableCell className="break-words whitespace-normal">
                    {problem.kind === 'skipped' && <Badge className="mr-2">Skipped</Badge>}
                    {problem.message}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {pages > 1 && (
            <nav aria-label="Row problem pages" className="flex items-center justify-end gap-2 text-sm">
              <Button type="button" variant="outline" size="sm" onClick={() => setPage(page - 1)} disabled={page === 0}>
                Previous
              </Button>
              <span className="tabular-nums text-slate-600">
                Page {page + 1} of {pages}
              </span>
              <Button type="button" variant="outline" size="sm" onClick={() => setPage(page + 1)} disabled={page + 1 >= pages}>
                Next
              </Button>
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
