// GET /api/v1/discounts – discounts by code with their target groups, keyset-paged; POST – create one (owner/admin)
import { apiRoute, json } from '@/http/api-route';
import { discountCreateSchema, discountListQuerySchema } from '@/lib/validation/discount';
import { createDiscount, listDiscounts } from '@/services/discounts';

import { readBody, readQuery } from '@/http/request';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /discounts', async ({ request }) => json(await listDiscounts(readQuery(request, discountListQuerySchema))));

export const POST = apiRoute('POST /discounts', async ({ request, actor }) => {
  const discount = await createDiscount({ actor, input: await readBody(request, discountCreateSchema) });
  return Response.json(discount, { status: 201, headers: { location: `/api/v1/discounts/${discount.id}` } });
});
