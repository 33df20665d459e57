// Test helpers: call route handlers as Next.js does, with real Request objects and a params promise.
import type { Actor } from '@/lib/types';
import { createApiKey } from '@/services/api-keys';

export const SYSTEM: Actor = { type: 'system', id: null, role: 'owner', name: 'test' };

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response> | Response;

interface CallOptions<P> {
  key?: string | null;
  body?: unknown;
  /** A body sent exactly as given (malformed JSON, CSV, ...). */
  rawBody?: string;
  params?: P;
  headers?: Record<string, string>;
}

/** A bearer API key with the given role, created the way an owner would. */
export async function apiKey(role: 'admin' | 'staff' = 'admin'): Promise<string> {
  return (await createApiKey({ actor: SYSTEM, input: { name: `${role} test key`, role } })).key;
}

/** Calls a route handler like Next.js would. `path` includes the query string, e.g. '/customers?limit=2'. */
export async function call<P>(handler: Handler<P>, method: string, path: string, options: CallOptions<P> = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.key) headers.set('authorization', `Bearer ${options.key}`);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const request = new Request(`http://localhost/api/v1${path}`, { method, headers, body });
  return handler(request, { params: Promise.resolve(options.params ?? ({} as P)) });
}

/** The problem+json body of an error response, with the paths its `errors` name. */
export async function problemOf(response: Response): Promise<{ status: number; detail: string; paths: string[]; contentType: string | null }> {
  const body = (await response.json()) as { status: number; detail: string; errors?: { path: string }[] };
  return { status: body.status, detail: body.detail, paths: body.errors?.map((e) => e.path) ?? [], contentType: response.headers.get('content-type') };
}
