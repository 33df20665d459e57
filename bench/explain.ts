import type { DatabaseHandle } from '@/db/client';

interface RawClient {
  query(text: unknown, params?: unknown[], ...rest: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface CapturedQuery {
  text: string;
  params: unknown[];
}

function rawClient(handle: DatabaseHandle): RawClient {
  // drizzle exposes the driver it wraps (a pg Pool or a PGlite instance) as $client; both have query(text, params).
  return (handle.db as unknown as { $client: RawClient }).$client;
}

/** Runs `action` while recording every statement the services send, with its parameters, in order. */
export async function captureQueries(handle: DatabaseHandle, action: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const client = rawClient(handle);
  const original = client.query;
  const captured: CapturedQuery[] = [];
  client.query = function (this: RawClient, text: unknown, params?: unknown[], ...rest: unknown[]) {
    captured.push({ text: typeof text === 'string' ? text : (text as { text: string }).text, params: params ?? [] });
    return original.call(this, text, params, ...rest);
  };
  try {
    await action();
  } finally {
    client.query = original;
  }
  return captured;
}

/**
 * The last statement `action` sent, with its parameters, so the bench explains exactly what listCustomers ran rather
 * than a hand-written copy of it.
 */
export async function captureLastQuery(handle: DatabaseHandle, action: () => Promise<unknown>): Promise<CapturedQuery> {
  const last = (await captureQueries(handle, action)).at(-1);
  if (!last) throw new Error('captureLastQuery: the action sent no query');
  return last;
}

/** EXPLAIN (ANALYZE, BUFFERS) of a captured statement, as the plan's lines. */
export async function explain(handle: DatabaseHandle, query: CapturedQuery): Promise<string[]> {
  const result = await rawClient(handle).query(`explain (analyze, buffers) ${query.text}`, query.params);
  return result.rows.map((row) => String(Object.values(row)[0]));
}

/** EXPLAIN (ANALYZE, FORMAT JSON) of a captured statement: its plan, with actual rows. */
export async function explainJson(handle: DatabaseHandle, query: CapturedQuery): Promise<unknown> {
  const result = await rawClient(handle).query(`explain (analyze, format json) ${query.text}`, query.params);
  return Object.values(result.rows[0])[0];
}
