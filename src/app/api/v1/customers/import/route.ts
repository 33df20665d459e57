// POST /api/v1/customers/import – a customer CSV (body, text/csv): a dry run's report (200), or the import as a job (202)
import { apiRoute, json } from '@/http/api-route';
import { idempotentResponseFor } from '@/http/idempotency';
import { readQuery } from '@/http/request';
import { customerImportQuerySchema } from '@/lib/validation/customer-import';
import { deleteImportFile, dryRunCustomerImport, startCustomerImport, storeImportFile } from '@/services/customer-import';
import { BadRequestError } from '@/services/errors';

export const dynamic = 'force-dynamic';

const CSV_CONTENT_TYPE = /^(text\/csv|application\/csv)\s*(;|$)/i;

// The body streams into the database a chunk at a time (up to 200 MiB), never held whole in memory; its SHA-256 stands
// for it in an Idempotency-Key's fingerprint. With `fileId` (a dry run's stored file) no body is sent.
export const POST = apiRoute(
  'POST /customers/import',
  async ({ request, actor }) => {
    const { overwrite, dryRun, fileName, fileId, mapping } = readQuery(request, customerImportQuerySchema);
    let storedId = fileId ?? null;
    let fingerprintInput = `file:${fileId}`;
    let isUploaded = false;
    if (!storedId) {
      const contentType = request.headers.get('content-type') ?? '';
      if (!CSV_CONTENT_TYPE.test(contentType)) {
        throw new BadRequestError(`Send the file as the body with "content-type: text/csv"${contentType ? ` (got "${contentType.slice(0, 100)}")` : ''}, or give the fileId of a dry run`);
      }
      const body = request.body ?? (async function* () {})();
      const file = await storeImportFile({ actor, fileName: fileName ?? 'customers.csv', body: body as AsyncIterable<Uint8Array> });
      storedId = file.id;
      fingerprintInput = `sha256:${file.sha256}`;
      isUploaded = true;
    }
    const id = storedId;
    let isRun = false;
    const response = await idempotentResponseFor(request, actor, fingerprintInput, async () => {
      isRun = true;
      try {
        if (dryRun) return json(await dryRunCustomerImport({ actor, fileId: id, overwrite, mapping: mapping ?? {} }));
        const job = await startCustomerImport({ actor, fileId: id, overwrite, mapping: mapping ?? {} });
        return Response.json(job, { status: 202, headers: { location: `/api/v1/jobs/${job.id}` } });
      } catch (error) {
        // A refused upload is not kept; a dry run's file is, a day, for the import to follow by its fileId.
        if (isUploaded) await deleteImportFile(id);
        throw error;
      }
    });
    // A replayed answer did not use this upload.
    if (!isRun && isUploaded) await deleteImportFile(id);
    return response;
  },
  { idempotency: 'handler' },
);
