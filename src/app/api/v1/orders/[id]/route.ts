// GET /api/v1/orders/{id} – one order with its items and customer
import { apiRoute, json } from '@/http/api-route';
import { getOrderById } from '@/services/orders';


export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /orders/{id}', async ({ params }) => json(await getOrderById({ id: params.id })));
