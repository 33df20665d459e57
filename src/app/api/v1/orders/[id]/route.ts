// GET /api/v1/orders/{id} – one order with its items and customer
import { apiRoute, json } from '@/http/api-route';
import { getOrderById } from '@/services/orders';

import { pathId } from '@/http/request';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(async ({ params }) => json(await getOrderById({ id: pathId(params.id, 'order') })));
