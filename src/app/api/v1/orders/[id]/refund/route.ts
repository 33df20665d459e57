// POST /api/v1/orders/{id}/refund – refund part or all of what remains of a completed order
import { apiRoute, json } from '@/http/api-route';
import { IDEMPOTENCY_KEY_HEADER } from '@/http/headers';
import { orderRefundSchema } from '@/lib/validation/order';
import { ValidationFailedError } from '@/services/errors';
import { refundOrder } from '@/services/orders';

import { readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

const keyOf = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

// The key may come as the Idempotency-Key header (the usual HTTP spelling) or the body's idempotencyKey.
export const POST = apiRoute('POST /orders/{id}/refund', async ({ request, actor, params }) => {
  const id = params.id;
  const input = await readBody(request, orderRefundSchema);
  const headerKey = keyOf(request.headers.get(IDEMPOTENCY_KEY_HEADER));
  const bodyKey = keyOf(input.idempotencyKey);
  // Two different keys leave it unclear which earlier request this repeats; refuse rather than pick one.
  if (headerKey && bodyKey && headerKey !== bodyKey) {
    throw new ValidationFailedError('Two different idempotency keys', [{ path: 'idempotencyKey', message: `Differs from the ${IDEMPOTENCY_KEY_HEADER} header; send one key` }]);
  }
  return json(await refundOrder({ actor, id, input: { ...input, idempotencyKey: bodyKey ?? headerKey } }));
});
