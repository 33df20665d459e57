'use client';

import { CheckCircle2, FileUp, Loader2 } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';

import { Alert, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { knownTargetOf, type ColumnTarget } from '@/lib/customer-import-formats';
import type { ImportReport } from '@/lib/customer-import-types';
import type { Job } from '@/lib/job-types';

import { ColumnMapping } from './column-mapping';
import { dryRunImport, ImportRefusal, readHeaderOf, readImportJob, startImport, type DryRun } from './import-api';
import { ImportReportView } from './import-report';

type Step =
  | { name: 'choose' }
  | { name: 'mapping'; columns: string[]; unknown: string[] }
  | { name: 'report'; dryRun: DryRun }
  | { name: 'running'; dryRun: DryRun; job: Job }
  | { name: 'done'; report: ImportReport };

const POLL_MS = 1_000;
const number = (value: number) => value.toLocaleString('en-GB');

/** The import: choose a file → dry-run report (or the mapping step first) → import as a job with progress → final report. */
export function CustomerImportFlow({ maxMegabytes }: { maxMegabytes: number }) {
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [file, setFile] = useState<File | null>(null);
  const [overwrite, setOverwrite] = useState(false);
  const [mapping, setMapping] = useState<Record<string, ColumnTarget | ''>>({});
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const idempotencyKey = useRef<string>('');
  const fileInputId = useId();

  const mappingToSend = step.name === 'mapping' || Object.keys(mapping).length ? (mapping as Record<string, ColumnTarget>) : null;

  async function check() {
    if (!file) return setError('Choose a CSV file first.');
    if (file.size > maxMegabytes * 1_048_576) return setError(`The file is larger than ${maxMegabytes} MB; split it into smaller files.`);
    setIsBusy(true);
    setError(null);
    try {
      const dryRun = await dryRunImport(file, overwrite, mappingToSend);
      idempotencyKey.current = crypto.randomUUID();
      setStep({ name: 'report', dryRun });
    } catch (refusal) {
      if (refusal instanceof ImportRefusal && refusal.unknownColumns.length) {
        const columns = await readHeaderOf(file);
        setMapping(Object.fromEntries(columns.map((column) => [column, knownTargetOf(column) ?? ''])));
        setStep({ name: 'mapping', columns, unknown: refusal.unknownColumns });
      } else setError(refusal instanceof Error ? refusal.message : 'The file could not be checked.');
    } finally {
      setIsBusy(false);
    }
  }

  async function run(dryRun: DryRun) {
    setIsBusy(true);
    setError(null);
    try {
      setStep({ name: 'running', dryRun, job: await startImport(dryRun, mappingToSend, idempotencyKey.current) });
    } catch (refusal) {
      setError(refusal instanceof Error ? refusal.message : 'The import could not start.');
    } finally {
      setIsBusy(false);
    }
  }

  const runningJobId = step.name === 'running' ? step.job.id : null;
  useEffect(() => {
    if (!runningJobId) return;
    let isStopped = false;
    const poll = async () => {
      try {
        const job = await readImportJob(runningJobId);
        if (isStopped) return;
        if (job.status === 'succeeded') return setStep({ name: 'done', report: job.result as ImportReport });
        if (job.status === 'failed' || job.status === 'cancelled') {
          setError(`The import ${job.status}${job.error ? `: ${job.error}` : ''}. Rows already imported stay; importing the file again finishes the rest.`);
          return setStep({ name: 'choose' });
        }
        setStep((current) => (current.name === 'running' ? { ...current, job } : current));
      } catch {
        // A missed poll (a network blip) is retried on the next tick.
      }
      if (!isStopped) timer = setTimeout(poll, POLL_MS);
    };
    let timer = setTimeout(poll, POLL_MS / 2);
    return () => {
      isStopped = true;
      clearTimeout(timer);
    };
  }, [runningJobId]);

  function restart() {
    setStep({ name: 'choose' });
    setMapping({});
    setFile(null);
    setError(null);
  }

  const isMappingComplete = step.name === 'mapping' && step.columns.every((column) => mapping[column]);

  return (
    <div className="space-y-4">
      {error && (
        <Alert variant="destructive" role="alert">
          <div>
            <AlertTitle>That did not work</AlertTitle>
            <p>{error}</p>
          </div>
        </Alert>
      )}

      {(step.name === 'choose' || step.name === 'mapping') && (
        <Card className="space-y-4 p-4 sm:p-6">
          <div className="space-y-1.5">
            <label htmlFor={fileInputId} className="block text-sm font-medium text-slate-900">
              Customer CSV file
            </label>
            <input
              id={fileInputId}
              type="file"
              accept=".csv,text/csv"
              className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setMapping({});
                setStep({ name: 'choose' });
              }}
            />
            <p className="text-xs text-slate-500">
              Shopify’s customer export or import template, WooCommerce’s customer download, or this shop’s export; other columns can be mapped. Up to {maxMegabytes} MB. Nothing is
              imported until you have seen the report.
            </p>
          </div>
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <Checkbox checked={overwrite} onChange={(event) => setOverwrite(event.target.checked)} className="mt-0.5" />
            <span>
              Overwrite existing customers
              <span className="block text-xs text-slate-500">A row whose e-mail (or, without one, phone) matches a customer updates them; otherwise it is skipped and reported.</span>
            </span>
          </label>
          {step.name === 'mapping' && <ColumnMapping columns={step.columns} unknown={step.unknown} mapping={mapping} onChange={setMapping} />}
          <Button type="button" onClick={check} disabled={isBusy || !file || (step.name === 'mapping' && !isMappingComplete)}>
            {isBusy ? <Loader2 className="animate-spin" aria-hidden /> : <FileUp aria-hidden />}
            {isBusy ? 'Checking the file…' : 'Check the file'}
          </Button>
        </Card>
      )}

      {step.name === 'report' && (
        <Card className="space-y-4 p-4 sm:p-6">
          <h2 className="text-base font-semibold text-slate-900">What the import would do</h2>
          <ImportReportView report={step.dryRun} />
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={() => run(step.dryRun)} disabled={isBusy || step.dryRun.created + step.dryRun.updated === 0}>
              {isBusy && <Loader2 className="animate-spin" aria-hidden />}
              Import {number(step.dryRun.created + step.dryRun.updated)} customers
            </Button>
            <Button type="button" variant="outline" onClick={restart} disabled={isBusy}>
              Choose another file
            </Button>
          </div>
        </Card>
      )}

      {step.name === 'running' && <ImportProgress job={step.job} fileName={step.dryRun.fileName} />}

      {step.name === 'done' && (
        <Card className="space-y-4 p-4 sm:p-6">
          <h2 className="flex items-center gap-2 text-base font-semibold text-slate-900">
            <CheckCircle2 className="size-5 text-emerald-600" aria-hidden /> Import finished
          </h2>
          <ImportReportView report={step.report} />
          <div className="flex flex-wrap gap-2">
            <Button asChild>
              <Link href="/dashboard/customers">View customers</Link>
            </Button>
            <Button type="button" variant="outline" onClick={restart}>
              Import another file
            </Button>
          </div>
        </Card>
      )}
    </div>
  );
}

function ImportProgress({ job, fileName }: { job: Job; fileName: string }) {
  const { done, total } = job.progress;
  const percent = total ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <Card className="space-y-3 p-4 sm:p-6">
      <h2 className="text-base font-semibold text-slate-900">Importing {fileName}…</h2>
      <div role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-3 w-full overflow-hidden rounded-full bg-slate-100">
        <div className="h-full rounded-full bg-indigo-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-600" aria-live="polite">
        {job.status === 'queued' ? 'Waiting to start…' : `${number(done)} of ${number(total ?? 0)} rows (${percent}%)`}. You can leave this page: the import goes on.
      </p>
    </Card>
  );
}
