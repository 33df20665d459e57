// GET /api/v1/store/me/export – everything the shop stores about the signed-in customer, as a JSON download
import { personalDataDownload } from '@/http/personal-data-download';
import { storeApiRoute } from '@/http/store-api-route';
import { exportCustomerData } from '@/services/privacy';

export const dynamic = 'force-dynamic';

// The customer comes from the session, never from the request: there is no way to name anyone else.
export const GET = storeApiRoute('GET /store/me/export', async ({ customer }) => personalDataDownload(await exportCustomerData({ actor: customer, customerId: customer.id })));
