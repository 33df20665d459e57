import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

import type { Job } from '@/lib/job-types';
import { deleteImportFile, dryRunCustomerImport, startCustomerImport, storeImportFile, type ImportReport } from '@/services/customer-import';
import { readJob } from '@/services/jobs';

import { UsageError, type CliCommand } from './types';

const number = (value: number) => value.toLocaleString('en');
const POLL_MS = 250;

/** The report as the dashboard shows it: counts, then one line per row problem. */
export function reportLines(report: ImportReport): string[] {
  const shown = report.problems.length < report.problemCount ? ` (the first ${number(report.problems.length)} of ${number(report.problemCount)})` : '';
  return [
    `${report.dryRun ? 'Dry run of' : 'Imported'} ${report.fileName}: ${report.format}${report.overwrite ? ', overwriting existing customers' : ''}`,
    ...(report.ignoredColumns.length ? [`  columns ignored  ${report.ignoredColumns.join(', ')}`] : []),
    `  rows read        ${number(report.rows)}`,
    `  ${report.dryRun ? 'would create' : 'created     '}     ${number(report.created)}`,
    `  ${report.dryRun ? 'would update' : 'updated     '}     ${number(report.updated)}`,
    `  unchanged        ${number(report.unchanged)}`,
    `  skipped          ${number(report.skipped)}`,
    `  errors           ${number(report.errors)}`,
    ...(report.problems.length ? [`Row problems${shown}:`] : []),
    ...report.problems.map((problem) => `  line ${number(problem.line)}${problem.column ? `, ${problem.column}` : ''}: ${problem.kind === 'skipped' ? 'skipped: ' : ''}${problem.message}`),
  ];
}

function drawProgress(job: Job, started: number): void {
  const { done, total } = job.progress;
  const share = total ? Math.min(1, done / total) : 0;
  const width = 30;
  const filled = Math.round(share * width);
  const perSecond = done / Math.max((performance.now() - started) / 1000, 0.001);
  process.stderr.write(`\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${number(done)} of ${number(total ?? 0)} rows  ${number(Math.round(perSecond))} rows/s `);
}

export const importCustomersCommand: CliCommand = {
  usage: 'import-customers <file> [--overwrite] [--dry-run]',
  summary:
    'Import customers from a CSV (Shopify or WooCommerce export, Shopify template, or this shop\'s export): --dry-run prints what would be created, updated and skipped, row by row; otherwise runs the import job with progress. Re-running changes nothing.',
  options: { overwrite: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  positionals: 1,
  async run({ values, positionals, actor, print }) {
    const filePath = positionals[0];
    if (!(await stat(filePath).catch(() => null))?.isFile()) throw new UsageError(`No file at ${filePath}`);
    const overwrite = values.overwrite === true;
    const started = performance.now();
    const file = await storeImportFile({ actor, fileName: path.basename(filePath), body: createReadStream(filePath) });
    if (values['dry-run']) {
      try {
        reportLines(await dryRunCustomerImport({ actor, fileId: file.id, overwrite })).forEach((line) => print(line));
      } finally {
        await deleteImportFile(file.id);
      }
      return;
    }
    let job: Job;
    try {
      job = await startCustomerImport({ actor, fileId: file.id, overwrite });
    } catch (error) {
      await deleteImportFile(file.id);
      throw error;
    }
    print(`Import job ${job.id} started.`);
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      job = (await readJob(job.id))!;
      drawProgress(job, started);
      if (!['queued', 'running'].includes(job.status)) break;
    }
    process.stderr.write('\n');
    if (job.status !== 'succeeded') throw new Error(`The import ${job.status}${job.error ? `: ${job.error}` : ''}`);
    const seconds = (performance.now() - started) / 1000;
    reportLines(job.result as ImportReport).forEach((line) => print(line));
    print(`Done in ${seconds.toFixed(1)} s (${number(Math.round((job.result as ImportReport).rows / seconds))} rows/s), peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB.`);
  },
};
