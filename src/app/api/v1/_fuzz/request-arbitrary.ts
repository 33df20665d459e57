// Requests for one operation of the served OpenAPI document: its path ids (existing, random, malformed), its query
// parameters and its body, each valid by the operation's schemas or broken in one of the ways a client breaks them,
// sent by one of the callers.
import fc from 'fast-check';

import { headerText, nastyId, nastyQueryText, nastyValue, rawQuerySuffix } from './nasty-values';
import { arbitraryOf, fieldPaths, PoolRef, resolve, type JsonSchema } from './schema-arbitrary';

export const CALLERS = ['adminKey', 'ownerSession', 'staffKey', 'staffSession', 'shopper', 'anonymous'] as const;
export type Caller = (typeof CALLERS)[number];
export const COOKIE_CALLERS: readonly Caller[] = ['ownerSession', 'staffSession', 'shopper'];

/** A cursor from the pool of this operation's nextCursor values; `key` replaces one of its keys when set. */
export class CursorRef {
  constructor(
    readonly index: number,
    readonly key?: { position: number; value: unknown },
  ) {}
}

export type Body =
  | { kind: 'none' }
  /** JSON of `value` (PoolRefs filled, RawTokens written as is), then `edit` applied to the text. */
  | { kind: 'json'; value: unknown; contentType: string | null; edit?: 'truncate' | 'bom' | 'trailing' | 'single-quotes' }
  | { kind: 'text'; text: string; contentType: string | null }
  | { kind: 'bytes'; bytes: number[]; contentType: string | null }
  /** Just over the 1 MiB limit, made when sent. */
  | { kind: 'huge' };

export interface FuzzRequest {
  operation: string;
  caller: Caller;
  params: Record<string, string | PoolRef>;
  query: [string, unknown][];
  rawQuery: string;
  headers: Record<string, string>;
  /** A cookie caller's write with another site's Origin. */
  isCrossSite: boolean;
  body: Body;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema: JsonSchema;
}

export interface OperationSpec {
  operation: string;
  method: string;
  path: string;
  isStore: boolean;
  /** `x-roles`: who may call a staff operation; null for the store's. */
  roles: string[] | null;
  parameters: Parameter[];
  body: JsonSchema | null;
}

type ParameterOrRef = { $ref: string } | Parameter;
type OpenApiDocument = {
  paths: Record<string, Record<string, { parameters?: ParameterOrRef[]; requestBody?: { content: Record<string, { schema: JsonSchema }> }; 'x-roles'?: string[] }>>;
  components: { parameters: Record<string, Parameter>; schemas: Record<string, JsonSchema> };
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the document but the document itself, with its parameters and body schema resolved. */
export function operationsOf(document: OpenApiDocument): OperationSpec[] {
  const parameterOf = (parameter: ParameterOrRef) => ('$ref' in parameter ? document.components.parameters[parameter.$ref.split('/').pop()!] : parameter);
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method) && path !== '/openapi.json')
      .map(([method, operation]) => ({
        operation: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        isStore: path.startsWith('/store/'),
        roles: operation['x-roles'] ?? null,
        // Path parameters sit on the path item, the others on the operation.
        parameters: [...((item as { parameters?: ParameterOrRef[] }).parameters ?? []), ...(operation.parameters ?? [])].map(parameterOf),
        body: operation.requestBody?.content['application/json']?.schema ?? null,
      })),
  );
}

const CONTENT_TYPES = [null, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/merge-patch+json', 'application/xml', 'json', ''];
const RAW_BODIES = ['', ' ', '[]', 'null', '"x"', '42', 'true', '{', '{"a":}', '\u0000', '{"a":1,"a":2}', `${'['.repeat(5_000)}${']'.repeat(5_000)}`, 'NaN', '{"__proto__":{"x":1}}'];
const INVALID_UTF8 = [[0xff, 0xfe, 0x7b, 0x7d], [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xae, 0x22, 0x7d], [0xef, 0xbb, 0xbf, 0x7b, 0x7d], [0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x3a, 0x31, 0x7d]];

// Arrays and plain objects copied; PoolRef and RawToken kept, which structuredClone would make plain objects.
function copied(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copied);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copied(item)]));
  }
  return value;
}

/** `value` with `path` set to `replacement` (or removed when `replacement` is undefined), containers made as needed. */
function withField(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const root = copied(value) as Record<string | number, unknown>;
  let node = root;
  for (const [index, key] of path.entries()) {
    if (index === path.length - 1) {
      if (replacement === undefined) delete node[key];
      else node[key] = replacement;
    } else {
      if (typeof node[key] !== 'object' || node[key] === null) node[key] = typeof path[index + 1] === 'number' ? [] : {};
      node = node[key] as Record<string | number, unknown>;
    }
  }
  return root;
}

function bodyOf(spec: OperationSpec, schemas: Record<string, JsonSchema>): fc.Arbitrary<Body> {
  if (spec.method === 'GET') return fc.constant({ kind: 'none' });
  const json = (value: unknown, contentType: string | null = 'application/json'): Body => ({ kind: 'json', value, contentType });
  const broken = fc.oneof(
    fc.constantFrom(...RAW_BODIES).map((text): Body => ({ kind: 'text', text, contentType: 'application/json' })),
    fc.constantFrom(...INVALID_UTF8).map((bytes): Body => ({ kind: 'bytes', bytes, contentType: 'application/json' })),
  );
  if (!spec.body) {
    return fc.oneof(
      { weight: 8, arbitrary: fc.constant<Body>({ kind: 'none' }) },
      { weight: 1, arbitrary: fc.constant(json({})) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('force', 'amount', 'unknown'), nastyValue).map(([key, value]) => json({ [key]: value })) },
      { weight: 1, arbitrary: broken },
      { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES).map((contentType) => json({}, contentType)) },
    );
  }
  const valid = arbitraryOf(spec.body, schemas);
  const paths = fieldPaths(spec.body, schemas);
  const required = (resolve(spec.body, schemas).required as string[] | undefined) ?? [];
  const mutated = fc
    .tuple(valid, fc.constantFrom(...paths), nastyValue, fc.constantFrom('set', 'set', 'set', 'remove', 'unknown'))
    .map(([value, path, nasty, how]) => {
      if (how === 'unknown') return json(withField(value, [...path.slice(0, -1), 'unknownField'], nasty));
      if (how === 'remove' && required.length) return json(withField(value, [required[path.length % required.length]], undefined));
      return json(withField(value, path, nasty));
    });
  const notAnObject = nastyValue.map((value) => json(value));
  return fc.oneof(
    { weight: 40, arbitrary: valid.map((value) => json(value)) },
    { weight: 40, arbitrary: mutated },
    { weight: 4, arbitrary: notAnObject },
    { weight: 4, arbitrary: fc.tuple(valid, fc.constantFrom(...CONTENT_TYPES)).map(([value, contentType]) => json(value, contentType)) },
    { weight: 4, arbitrary: fc.tuple(valid, fc.constantFrom('truncate', 'bom', 'trailing', 'single-quotes') as fc.Arbitrary<'truncate'>).map(([value, edit]): Body => ({ kind: 'json', value, contentType: 'application/json', edit })) },
    { weight: 6, arbitrary: broken },
    { weight: 1, arbitrary: fc.constant<Body>({ kind: 'huge' }) },
  );
}

function queryValueOf(parameter: Parameter, schemas: Record<string, JsonSchema>): fc.Arbitrary<unknown> {
  const valid =
    parameter.name === 'cursor'
      ? fc.oneof(
          { weight: 4, arbitrary: fc.nat().map((index) => new CursorRef(index)) },
          { weight: 2, arbitrary: fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.oneof(nastyValue, fc.constantFrom('0000-01-01T00:00:00.000Z', '2024-02-30T00:00:00.000Z', 2 ** 31, -(2 ** 53)))).map(([index, position, value]) => new CursorRef(index, { position, value })) },
        )
      : arbitraryOf(parameter.schema, schemas, parameter.name);
  return fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: valid });
}

/** The query: each parameter left out or valid, then at most one of them (or an unknown one) broken. */
function queryOf(parameters: Parameter[], schemas: Record<string, JsonSchema>): fc.Arbitrary<[string, unknown][]> {
  const valid = fc.tuple(...parameters.map((parameter) => queryValueOf(parameter, schemas).map((value) => [parameter.name, value] as [string, unknown])));
  const names = [...parameters.map((parameter) => parameter.name), 'unknown', 'LIMIT', '__proto__', 'q[]', 'sort '];
  const broken = fc.option(fc.tuple(fc.constantFrom(...names), nastyQueryText), { freq: 3 });
  return fc.tuple(valid, broken).map(([pairs, mutation]) => {
    const kept = pairs.filter(([name, value]) => value !== undefined && name !== mutation?.[0]);
    return mutation ? [...kept, mutation] : kept;
  });
}

function pathIdOf(kind: string): fc.Arbitrary<string | PoolRef> {
  return fc.oneof({ weight: 6, arbitrary: fc.nat().map((index) => new PoolRef(kind, index)) }, { weight: 2, arbitrary: fc.uuid() }, { weight: 1, arbitrary: nastyId });
}

const ANONYMOUS_HEADERS: Record<string, string>[] = [
  {},
  {},
  { authorization: 'Bearer cm_thisKeyWasNeverIssued' },
  { authorization: 'Basic dXNlcjpwYXNz' },
  { authorization: 'Bearer' },
  { cookie: 'better-auth.session_token=forged.value' },
  { cookie: 'store.session_token=forged.value' },
];

function callerOf(spec: OperationSpec): fc.Arbitrary<Caller> {
  const weights: Record<Caller, number> = spec.isStore
    ? { adminKey: 1, ownerSession: 1, staffKey: 1, staffSession: 1, shopper: 10, anonymous: 2 }
    : { adminKey: 6, ownerSession: 2, staffKey: 3, staffSession: 3, shopper: 1, anonymous: 1 };
  return fc.oneof(...CALLERS.map((caller) => ({ weight: weights[caller], arbitrary: fc.constant(caller) })));
}

/** Requests for `spec`; `kindOf(name)` says what record a path parameter names ('customer', 'address' ...). */
export function requestOf(spec: OperationSpec, schemas: Record<string, JsonSchema>, kindOf: (name: string) => string): fc.Arbitrary<FuzzRequest> {
  const byPlace = (place: Parameter['in']) => spec.parameters.filter((parameter) => parameter.in === place);
  const params = fc.record(Object.fromEntries(byPlace('path').map((parameter) => [parameter.name, pathIdOf(kindOf(parameter.name))])));
  const query = queryOf(byPlace('query'), schemas);
  const isWrite = spec.method !== 'GET';
  const headerNames = [...byPlace('header').map((parameter) => parameter.name), ...(isWrite ? ['Idempotency-Key'] : [])];
  const headers = fc.record(Object.fromEntries([...new Set(headerNames)].map((name) => [name, fc.option(headerText, { freq: 2 })])));
  return fc
    .record({
      caller: callerOf(spec),
      anonymous: fc.constantFrom(...ANONYMOUS_HEADERS),
      params,
      query,
      rawQuery: rawQuerySuffix,
      headers,
      isCrossSite: isWrite ? fc.boolean().chain((maybe) => (maybe ? fc.nat({ max: 9 }).map((dice) => dice === 0) : fc.constant(false))) : fc.constant(false),
      body: bodyOf(spec, schemas),
    })
    .map(({ caller, anonymous, headers: optional, ...rest }) => ({
      ...rest,
      operation: spec.operation,
      caller,
      headers: {
        ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== null) as [string, string][]),
        ...(caller === 'anonymous' ? anonymous : {}),
      },
    }));
}
