// GET /api/v1/discounts/{id} – one discount; PATCH – partial update (owner/admin); DELETE – remove an unused one (owner/admin)
import { apiRoute, json } from '@/http/api-route';
import { discountUpdateSchema } from '@/lib/validation/discount';
import { deleteDiscount, getDiscount, updateDiscount } from '@/services/discounts';

import { readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /discounts/{id}', async ({ params }) => json(await getDiscount({ id: params.id })));

// A stale `version` in the body is refused with 409 rather than overwriting a newer edit.
export const PATCH = apiRoute('PATCH /discounts/{id}', async ({ request, actor, params }) =>
  json(await updateDiscount({ actor, id: params.id, input: await readBody(request, discountUpdateSchema) })),
);

// A discount already used is refused with 409: its redemptions are order history; deactivate it instead.
export const DELETE = apiRoute('DELETE /discounts/{id}', async ({ actor, params }) => {
  await deleteDiscount({ actor, id: params.id });
  return new Response(null, { status: 204 });
});
