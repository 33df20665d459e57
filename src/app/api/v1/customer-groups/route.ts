// GET /api/v1/customer-groups – every customer group with its member count
import { apiRoute, json } from '@/lib/http/api-route';
import { listCustomerGroups } from '@/services/customer-groups';

export const dynamic = 'force-dynamic';

// A handful of groups, so one page; the list envelope matches the other lists for when it is paged.
export const GET = apiRoute(async () => json({ data: await listCustomerGroups(), nextCursor: null }));
