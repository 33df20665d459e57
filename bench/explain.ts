import type { DatabaseHandle } from '@/db/client';

interface RawClient {
  query(text: unknown, params?: unknown[], ...rest: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

interface CapturedQuery {
  text: string;
  params: unknown[];
}

function rawClient(handle: DatabaseHandle): RawClient {
  // drizzle exposes the driver it wraps (a pg Pool or a PGlite instance) as $client; both have query(text, params).
  return (handle.db as unknown as { $client: RawClient }).$client;
}

/**
 * Runs `action` while recording the SQL the services send, and returns the last statement with its parameters,
 * so the bench explains exactly what listCustomers ran rather than a hand-written copy of it.
 */
export async function captureLastQuery(handle: DatabaseHandle, action: () => Promise<unknown>): Promise<CapturedQuery> {
  const client = rawClient(handle);
  const original = client.query;
  let last: CapturedQuery | undefined;
  client.query = function (this: RawClient, text: unknown, params?: unknown[], ...rest: unknown[]) {
    last = { text: typeof text === 'string' ? text : (text as { text: string }).text, params: params ?? [] };
    return original.call(this, text, params, ...rest);
  };
  try {
    await action();
  } finally {
    client.query = original;
  }
  if (!last) throw new Error('captureLastQuery: the action sent no query');
  return last;
}

/** EXPLAIN (ANALYZE, BUFFERS) of a captured statement, as the plan's lines. */
export async function explain(handle: DatabaseHandle, query: CapturedQuery): Promise<string[]> {
  const result = await rawClient(handle).query(`explain (analyze, buffers) ${query.text}`, query.params);
  return result.rows.map((row) => String(Object.values(row)[0]));
}
