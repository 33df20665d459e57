// GET /api/v1/discounts/{id} – one discount; PATCH – partial update (owner/admin); DELETE – remove an unused one (owner/admin)
import { apiRoute, json } from '@/http/api-route';
import { discountUpdateSchema } from '@/lib/validation/discount';
import { deleteDiscount, getDiscount, updateDiscount } from '@/services/discounts';

import { pathId, readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params }) => json(await getDiscount({ id: pathId(params.id, 'discount') })));

// A stale `version` in the body is refused with 409 rather than overwriting a newer edit.
export const PATCH = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await updateDiscount({ actor, id: pathId(params.id, 'discount'), input: await readBody(request, discountUpdateSchema) })),
);

// A discount already used is refused with 409: its redemptions are order history; deactivate it instead.
export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await deleteDiscount({ actor, id: pathId(params.id, 'discount') });
  return new Response(null, { status: 204 });
});
