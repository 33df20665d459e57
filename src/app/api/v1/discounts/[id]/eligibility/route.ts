// GET /api/v1/discounts/{id}/eligibility?customerId=&subtotal= – may this customer use the discount now, and why (not)
import { apiRoute, json } from '@/http/api-route';
import { discountEligibilityQuerySchema } from '@/lib/validation/discount';
import { checkDiscountEligibility } from '@/services/discounts';

import { readQuery } from '@/http/request';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /discounts/{id}/eligibility', async ({ request, params }) => {
  const query = readQuery(request, discountEligibilityQuerySchema);
  return json(await checkDiscountEligibility({ discountId: params.id, customerId: query.customerId, subtotal: query.subtotal }));
});
