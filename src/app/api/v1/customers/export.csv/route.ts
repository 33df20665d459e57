// GET /api/v1/customers/export.csv – the customers matching the list's filters (or the selected ids), in its sort, as a streamed CSV download
import { apiRoute } from '@/http/api-route';
import { csvDownload } from '@/http/csv-download';
import { readQuery } from '@/http/request';
import { customerExportQuerySchema } from '@/lib/validation/customer-export';
import { exportCustomersCsv } from '@/services/customer-export';

export const dynamic = 'force-dynamic';

// The query is checked here, before the response starts: a bad filter is a 422, never a broken download.
export const GET = apiRoute('GET /customers/export.csv', async ({ request, actor }) =>
  csvDownload(exportCustomersCsv({ actor, query: readQuery(request, customerExportQuerySchema, { repeatable: ['ids'] }) })),
);
