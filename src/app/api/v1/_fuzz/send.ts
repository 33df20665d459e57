// Turns a generated request into a real Request for the route handler, filling ids and cursors from what the run
// has seen so far, and remembers the ids and cursors of each successful answer for later requests.
import { RawToken } from './nasty-values';
import { COOKIE_CALLERS, CursorRef, type Caller, type FuzzRequest } from './request-arbitrary';
import { PoolRef } from './schema-arbitrary';

export const OTHER_SITE = 'http://evil.example';
const POOL_SIZE = 40;
const MIB = 1_048_576;

export interface Credentials {
  adminKey: string;
  staffKey: string;
  ownerCookie: string;
  staffCookie: string;
  shopperCookie: string;
  /** The origin a cookie caller's own writes come from. */
  origin: string;
}

/** Ids by what they name ('customer', 'address' ...) and nextCursor values by operation, newest last. */
export class Pools {
  private readonly ids = new Map<string, string[]>();
  private readonly cursors = new Map<string, string[]>();

  addIds(kind: string, ids: string[]): void {
    const pool = [...(this.ids.get(kind) ?? []), ...ids.filter((id) => !this.ids.get(kind)?.includes(id))];
    this.ids.set(kind, pool.slice(-POOL_SIZE));
  }

  addCursor(operation: string, cursor: string): void {
    this.cursors.set(operation, [...(this.cursors.get(operation) ?? []), cursor].slice(-POOL_SIZE));
  }

  id(ref: PoolRef): string {
    const pool = ref.kind ? (this.ids.get(ref.kind) ?? []) : [...this.ids.values()].flat();
    return pool.length ? pool[ref.index % pool.length] : '00000000-0000-4000-8000-000000000000';
  }

  cursor(operation: string, ref: CursorRef): string {
    const pool = this.cursors.get(operation) ?? [];
    if (!pool.length) return 'eyJsIjoiY3VzdG9tZXJzIiwiayI6W119';
    const cursor = pool[ref.index % pool.length];
    if (!ref.key) return cursor;
    try {
      const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k: unknown[] };
      decoded.k[ref.key.position % Math.max(decoded.k.length, 1)] = ref.key.value instanceof RawToken ? Number(ref.key.value.text) : ref.key.value;
      return Buffer.from(JSON.stringify(decoded)).toString('base64url');
    } catch {
      return cursor;
    }
  }
}

/** `value` with pool references filled and raw tokens replaced by markers, which `tokens` lists. */
function filled(value: unknown, pools: Pools, tokens: string[]): unknown {
  if (value instanceof PoolRef) return pools.id(value);
  if (value instanceof RawToken) {
    tokens.push(value.text);
    return `__RAW_TOKEN_${tokens.length - 1}__`;
  }
  if (Array.isArray(value)) return value.map((item) => filled(item, pools, tokens));
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) Object.defineProperty(copy, key, { value: filled(item, pools, tokens), enumerable: true, writable: true, configurable: true });
    return copy;
  }
  return value;
}

function jsonText(value: unknown, pools: Pools): string {
  const tokens: string[] = [];
  const text = JSON.stringify(filled(value, pools, tokens)) ?? '';
  return tokens.reduce((result, token, index) => result.replace(`"__RAW_TOKEN_${index}__"`, token), text);
}

function queryText(value: unknown, operation: string, pools: Pools): string {
  if (value instanceof PoolRef) return pools.id(value);
  if (value instanceof CursorRef) return pools.cursor(operation, value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(filled(value, pools, []));
}

// A path segment as a client would write it; a lone surrogate cannot be percent-encoded, so it goes as U+FFFD.
function segment(value: string): string {
  return encodeURIComponent(Buffer.from(value, 'utf8').toString('utf8'));
}

function credentialHeaders(caller: Caller, credentials: Credentials): Record<string, string> {
  switch (caller) {
    case 'adminKey':
      return { authorization: `Bearer ${credentials.adminKey}` };
    case 'staffKey':
      return { authorization: `Bearer ${credentials.staffKey}` };
    case 'ownerSession':
      return { cookie: credentials.ownerCookie };
    case 'staffSession':
      return { cookie: credentials.staffCookie };
    case 'shopper':
      return { cookie: credentials.shopperCookie };
    case 'anonymous':
      return {};
  }
}

export interface Sent {
  request: Request;
  params: Record<string, string>;
  /** One line to replay it by hand: caller, method, URL, headers and the start of the body. */
  summary: string;
}

/** The Request a client would send for `fuzz`, and the path parameters Next.js would hand the route. */
export function buildRequest(fuzz: FuzzRequest, path: string, pools: Pools, credentials: Credentials): Sent {
  const [method] = fuzz.operation.split(' ');
  const params = Object.fromEntries(Object.entries(fuzz.params).map(([name, value]) => [name, value instanceof PoolRef ? pools.id(value) : value]));
  const search = new URLSearchParams(fuzz.query.map(([name, value]) => [name, queryText(value, fuzz.operation, pools)])).toString();
  const query = [search, fuzz.rawQuery].filter(Boolean).join('&');
  const url = `http://localhost/api/v1${path.replace(/\{(\w+)\}/g, (_, name: string) => segment(params[name]))}${query ? `?${query}` : ''}`;

  const headers = new Headers({ ...fuzz.headers, ...credentialHeaders(fuzz.caller, credentials) });
  if (method !== 'GET' && (COOKIE_CALLERS.includes(fuzz.caller) || fuzz.isCrossSite)) headers.set('origin', fuzz.isCrossSite ? OTHER_SITE : credentials.origin);
  let body: string | Uint8Array | undefined;
  const { body: spec } = fuzz;
  if (spec.kind === 'json') {
    const text = jsonText(spec.value, pools);
    body = { truncate: text.slice(0, Math.floor(text.length / 2)), bom: `\ufeff${text}`, trailing: `${text}}`, 'single-quotes': text.replaceAll('"', "'"), none: text }[spec.edit ?? 'none'];
  } else if (spec.kind === 'text') body = spec.text;
  else if (spec.kind === 'bytes') body = new Uint8Array(spec.bytes);
  else if (spec.kind === 'huge') body = JSON.stringify({ notes: 'x'.repeat(MIB) });
  if ('contentType' in spec && spec.contentType !== null) headers.set('content-type', spec.contentType);

  const shown = typeof body === 'string' ? body.slice(0, 300) : body ? `bytes ${[...body].join(',')}` : '';
  const summary = `${fuzz.caller} ${method} ${url.slice(0, 500)} headers=${JSON.stringify(Object.fromEntries([...headers].filter(([name]) => name !== 'authorization' && name !== 'cookie')))} body=${JSON.stringify(shown)}`;
  return { request: new Request(url, { method, headers, body: body as BodyInit | undefined }), params, summary };
}
