// The dashboard's calls to POST /api/v1/customers/import and GET /api/v1/jobs/{id}: the upload goes straight to the
// route handler (streamed into the database) rather than through a server action and its body size limit.
import type { ColumnTarget } from '@/lib/customer-import-formats';
import type { ImportReport } from '@/lib/customer-import-types';
import type { Job } from '@/lib/job-types';

export type DryRun = ImportReport & { fileId: string };

/** A refusal in words, with the unknown columns when the header was the problem. */
export class ImportRefusal extends Error {
  constructor(
    message: string,
    readonly unknownColumns: string[] = [],
  ) {
    super(message);
  }
}

async function refusalOf(response: Response): Promise<ImportRefusal> {
  const body = (await response.json().catch(() => null)) as { detail?: string; errors?: { path: string; message: string }[] } | null;
  const unknown = (body?.errors ?? []).filter((error) => error.path === 'columns').map((error) => /"(.*)"/.exec(error.message)?.[1] ?? '');
  if (response.status === 413) return new ImportRefusal(body?.detail ?? 'The file is too large.');
  if (response.status === 403) return new ImportRefusal('Your role may not import customers.');
  const detail = body?.detail ?? `The import was refused (${response.status}).`;
  const fields = (body?.errors ?? []).filter((error) => error.path !== 'columns').map((error) => error.message);
  return new ImportRefusal([detail, ...fields.filter((message) => message !== detail)].join(' '), unknown);
}

const query = (values: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();

/** Uploads the file and dry-runs it. Throws ImportRefusal. */
export async function dryRunImport(file: File, overwrite: boolean, mapping: Record<string, ColumnTarget> | null): Promise<DryRun> {
  const params = query({ dryRun: 'true', overwrite: String(overwrite), fileName: file.name, mapping: mapping ? JSON.stringify(mapping) : undefined });
  const response = await fetch(`/api/v1/customers/import?${params}`, { method: 'POST', body: file, headers: { 'content-type': 'text/csv' } });
  if (!response.ok) throw await refusalOf(response);
  return (await response.json()) as DryRun;
}

/** Starts the import of the file the dry run stored. Throws ImportRefusal. */
export async function startImport(dryRun: DryRun, mapping: Record<string, ColumnTarget> | null, idempotencyKey: string): Promise<Job> {
  const params = query({ fileId: dryRun.fileId, overwrite: String(dryRun.overwrite), mapping: mapping ? JSON.stringify(mapping) : undefined });
  const response = await fetch(`/api/v1/customers/import?${params}`, { method: 'POST', headers: { 'idempotency-key': idempotencyKey } });
  if (!response.ok) throw await refusalOf(response);
  return (await response.json()) as Job;
}

/** The job as it is now. Throws ImportRefusal. */
export async function readImportJob(id: string): Promise<Job> {
  const response = await fetch(`/api/v1/jobs/${id}`, { cache: 'no-store' });
  if (!response.ok) throw await refusalOf(response);
  return (await response.json()) as Job;
}

/** The first record of a CSV file (its header), read from the first 64 KB: the columns the mapping step shows. */
export async function readHeaderOf(file: File): Promise<string[]> {
  const text = (await file.slice(0, 65_536).text()).replace(/^\uFEFF/, '');
  const columns: string[] = [];
  let cell = '';
  let isQuoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (isQuoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') isQuoted = false;
      else cell += char;
    } else if (char === '"') isQuoted = true;
    else if (char === ',') {
      columns.push(cell);
      cell = '';
    }
    else if (char === '\n' || char === '\r') break;
    else cell += char;
  }
  columns.push(cell);
  return columns;
}
