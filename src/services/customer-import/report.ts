import type { ImportReport, RowProblem } from '@/lib/customer-import-types';

/** How many row problems a report keeps; the counts cover them all. */
export const MAX_REPORTED_PROBLEMS = 1_000;

export type { ImportReport } from '@/lib/customer-import-types';

export type ReportCounts = Pick<ImportReport, 'rows' | 'created' | 'updated' | 'unchanged' | 'skipped' | 'errors' | 'problemCount'>;

export const emptyCounts = (): ReportCounts => ({ rows: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, errors: 0, problemCount: 0 });

/** Counts the problems of one row (an error or a skip of that row) and keeps them in the list up to the cap. */
export function addRowProblems(counts: ReportCounts, problems: RowProblem[], kept: RowProblem[]): void {
  if (!problems.length) return;
  if (problems.some((problem) => problem.kind === 'error')) counts.errors += 1;
  else counts.skipped += 1;
  for (const problem of problems) {
    counts.problemCount += 1;
    if (kept.length < MAX_REPORTED_PROBLEMS) kept.push(problem);
  }
}
