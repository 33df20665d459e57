// JSON Schema (as the served OpenAPI document writes it) → a fast-check arbitrary of values the schema accepts.
// Only what the document uses: $ref, anyOf/oneOf, const, enum, string (formats uuid, date, email; min/maxLength;
// simple patterns), integer and number bounds, boolean, null, arrays and objects. Record ids are left as PoolRef
// placeholders, filled at send time from the records the run has seen, so that a body can name an existing customer.
import fc from 'fast-check';

export type JsonSchema = Record<string, unknown>;

/** An id to be taken from the pool of `kind` (null: any kind) when the request is sent; `index` picks which. */
export class PoolRef {
  constructor(
    readonly kind: string | null,
    readonly index: number,
  ) {}
}

// What a body field that holds an id names, by its property name.
const KIND_BY_PROPERTY: Record<string, string> = {
  customerId: 'customer',
  customerIds: 'customer',
  customerGroupId: 'customer group',
  customerGroupIds: 'customer group',
  groupId: 'customer group',
  suggestedGroupId: 'customer group',
  ids: 'suggestion',
  createdById: 'staff member',
};

// Fields whose rule no JSON Schema keyword states (a phone number, a country, the shop currency): mostly values that
// pass, so that requests reach the service, with the generic strings of the schema beside them.
const LIKELY_VALUES: Record<string, string[]> = {
  phone: ['+447911123456', '07911 123456', '+1 202-555-0143', '+49 30 901820'],
  countryCode: ['GB', 'US', 'DE', 'FR', 'gb'],
  currency: ['GBP', 'GBP', 'GBP', 'gbp', 'EUR'],
  // The code the fuzz test seeds.
  discountCode: ['WELCOME10', 'welcome10'],
};

const ISO_DATE_HINT = /ISO-8601/;
const DAY_MS = 86_400_000;

/** ISO-8601 text, mostly of plausible times, sometimes at the ends of what JavaScript can represent. */
export function isoDateText(): fc.Arbitrary<string> {
  const plausible = fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true });
  const anyDate = fc.date({ noInvalidDate: true });
  return fc.oneof(
    { weight: 4, arbitrary: plausible.map((date) => date.toISOString()) },
    { weight: 2, arbitrary: plausible.map((date) => date.toISOString().slice(0, 10)) },
    { weight: 1, arbitrary: anyDate.map((date) => date.toISOString()) },
    { weight: 1, arbitrary: anyDate.map((date) => date.toISOString().slice(0, 10)) },
    { weight: 1, arbitrary: fc.constantFrom('0001-01-01', '9999-12-31', '9999-12-31T23:59:59.999Z', '1900-01-01T00:00:00-01:00', '1970-01-01', new Date(8.64e15).toISOString(), new Date(-8.64e15).toISOString()) },
  );
}

function dayText(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -3650, max: 3650 }).map((days) => new Date(Date.UTC(2025, 0, 1) + days * DAY_MS).toISOString().slice(0, 10)) },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)) },
    { weight: 1, arbitrary: fc.constantFrom('9999-12-31', '9999-12-01', '1900-01-01', '1899-12-31', '0001-01-01', '2024-02-29') },
  );
}

function stringOf(schema: JsonSchema, property: string | undefined): fc.Arbitrary<unknown> {
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = (schema.maxLength as number | undefined) ?? 200;
  const kind = property ? (KIND_BY_PROPERTY[property] ?? null) : null;
  if (schema.format === 'uuid') return fc.oneof({ weight: 3, arbitrary: fc.nat().map((index) => new PoolRef(kind, index)) }, { weight: 1, arbitrary: fc.uuid() });
  if (schema.format === 'date') return dayText();
  if (schema.format === 'email') {
    const plain = fc.tuple(fc.stringMatching(/^[a-z]{1,12}$/), fc.nat()).map(([name, n]) => `${name}.${n}@example.com`);
    return fc.oneof({ weight: 3, arbitrary: plain }, { weight: 1, arbitrary: fc.emailAddress().filter((email) => email.length <= maxLength) });
  }
  if (typeof schema.description === 'string' && ISO_DATE_HINT.test(schema.description)) return isoDateText();
  const likely = property ? LIKELY_VALUES[property] : undefined;
  if (typeof schema.pattern === 'string') {
    const matching = fc.stringMatching(new RegExp(schema.pattern as string)).filter((text) => text.length >= minLength && text.length <= maxLength);
    return likely ? fc.oneof(fc.constantFrom(...likely), matching) : matching;
  }
  const generic = fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength, maxLength: Math.min(maxLength, 24) }) },
    { weight: 2, arbitrary: fc.string({ minLength, maxLength: Math.min(maxLength, 24), unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.constant('x'.repeat(maxLength)) },
  );
  return likely ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...likely) }, { weight: 1, arbitrary: generic }) : generic;
}

function integerOf(schema: JsonSchema): fc.Arbitrary<number> {
  const exclusiveMinimum = schema.exclusiveMinimum as number | undefined;
  const min = (schema.minimum as number | undefined) ?? (exclusiveMinimum !== undefined ? exclusiveMinimum + 1 : -1_000_000);
  const max = (schema.maximum as number | undefined) ?? 1_000_000;
  const low = Math.max(min, -1_000);
  const high = Math.min(max, low + 10_000);
  return fc.oneof(
    { weight: 14, arbitrary: fc.integer({ min: low, max: high }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
    { weight: 1, arbitrary: fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number) },
  );
}

function numberOf(schema: JsonSchema): fc.Arbitrary<number> {
  const exclusiveMinimum = schema.exclusiveMinimum as number | undefined;
  const min = (schema.minimum as number | undefined) ?? exclusiveMinimum ?? -1e9;
  const max = (schema.maximum as number | undefined) ?? 1e9;
  const any = fc.double({ min, max, minExcluded: exclusiveMinimum !== undefined, noNaN: true, noDefaultInfinity: true });
  const [low, high] = [Math.max(Math.ceil(min), 1), Math.min(max, 100)];
  return low <= high ? fc.oneof({ weight: 3, arbitrary: fc.integer({ min: low, max: high }) }, { weight: 1, arbitrary: any }) : any;
}

/** The schema a $ref points to, or the schema itself. */
export function resolve(schema: JsonSchema, schemas: Record<string, JsonSchema>): JsonSchema {
  const ref = schema.$ref as string | undefined;
  return ref ? resolve(schemas[ref.replace('#/components/schemas/', '')], schemas) : schema;
}

/** Values `schema` accepts; `property` is the field's name, which says what an id names and what a phone is. */
export function arbitraryOf(schema: JsonSchema, schemas: Record<string, JsonSchema>, property?: string): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, schemas);
  const choices = (resolved.anyOf ?? resolved.oneOf) as JsonSchema[] | undefined;
  if (choices) return fc.oneof(...choices.map((choice) => arbitraryOf(choice, schemas, property)));
  if ('const' in resolved) return fc.constant(resolved.const);
  if (Array.isArray(resolved.enum)) return fc.constantFrom(...(resolved.enum as unknown[]));
  switch (resolved.type) {
    case 'string':
      return stringOf(resolved, property);
    case 'integer':
      return integerOf(resolved);
    case 'number':
      return numberOf(resolved);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = (resolved.minItems as number | undefined) ?? 0;
      const maxLength = Math.min((resolved.maxItems as number | undefined) ?? 5, minLength + 4);
      return fc.array(arbitraryOf(resolved.items as JsonSchema, schemas, property), { minLength, maxLength });
    }
    case 'object': {
      const properties = (resolved.properties ?? {}) as Record<string, JsonSchema>;
      const model = Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, arbitraryOf(value, schemas, name)]));
      return fc.record(model, { requiredKeys: (resolved.required as string[] | undefined) ?? [] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Every field of an object schema, nested objects and arrays of objects included: ['items', 0, 'sku']. */
export function fieldPaths(schema: JsonSchema, schemas: Record<string, JsonSchema>, depth = 0): (string | number)[][] {
  const resolved = resolve(schema, schemas);
  if (resolved.type !== 'object' || depth > 2) return [];
  return Object.entries((resolved.properties ?? {}) as Record<string, JsonSchema>).flatMap(([name, value]) => {
    const field = resolve(value, schemas);
    const nested =
      field.type === 'array'
        ? fieldPaths(field.items as JsonSchema, schemas, depth + 1).map((path) => [name, 0, ...path])
        : fieldPaths(field, schemas, depth + 1).map((path) => [name, ...path]);
    return [[name], ...nested];
  });
}
