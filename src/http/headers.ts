// Response and request headers of the REST API that the routes, their tests and the OpenAPI document share.

/** On POST /orders/{id}/complete: `true` when this call completed the order, `false` when it was already completed. */
export const COMPLETION_APPLIED_HEADER = 'Completion-Applied';

/** On every POST, PUT and PATCH: the caller's key that makes a retry safe (the IETF Idempotency-Key draft). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** On an answer replayed for a repeated Idempotency-Key: `true`. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
