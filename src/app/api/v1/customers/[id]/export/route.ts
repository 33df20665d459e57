// GET /api/v1/customers/{id}/export – everything stored about the customer, as a JSON download (owner/admin)
import { apiRoute } from '@/http/api-route';
import { personalDataDownload } from '@/http/personal-data-download';
import { exportCustomerData } from '@/services/privacy';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /customers/{id}/export', async ({ actor, params }) =>
  personalDataDownload(await exportCustomerData({ actor, customerId: params.id })),
);
