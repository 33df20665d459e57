/**
 * A random key for one submit: a retried or doubled submit of the same values sends the same key, and the server acts
 * once (services/idempotency.ts). crypto.randomUUID exists only on https and localhost; getRandomValues everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
