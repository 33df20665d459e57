/**
 * A random key for one user intent (one opening of the refund dialog): a retried or doubled submit sends the same key,
 * and the service refunds once. crypto.randomUUID exists only on https and localhost; getRandomValues everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
