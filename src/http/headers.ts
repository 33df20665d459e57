// Response and request headers of the REST API that the routes, their tests and the OpenAPI document share.

/** On POST /orders/{id}/complete: `true` when this call completed the order, `false` when it was already completed. */
export const COMPLETION_APPLIED_HEADER = 'Completion-Applied';

/** On POST /orders/{id}/refund: the refund's idempotency key, as the IETF Idempotency-Key draft spells it. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
