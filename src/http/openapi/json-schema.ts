import { z } from 'zod';

type JsonSchema = Record<string, unknown>;
type Io = 'input' | 'output';

// What zod cannot express in JSON Schema: dates (only the list query coerces them, from ISO-8601 text) and
// transforms. Every transform in lib/validation normalises a value without changing its type (trim, lower-case,
// E.164, de-duplicated tags), so its pipe is described by the schema of the value it transforms.
function unrepresentable({ zodSchema }: { zodSchema: z.core.$ZodType }): JsonSchema | 'any' | 'throw' {
  const { type } = zodSchema._zod.def;
  if (type === 'date') return { type: 'string', description: 'ISO-8601 date or date-time, e.g. 2024-05-31 or 2024-05-31T12:00:00Z' };
  if (type === 'transform') return 'any';
  return 'throw';
}

function override(io: Io) {
  return ({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }) => {
    const def = zodSchema._zod.def;
    if (def.type === 'pipe') {
      const { in: from, out: to } = def as z.core.$ZodPipeDef;
      if (to._zod.def.type === 'transform') Object.assign(jsonSchema, toJsonSchema(from, io));
      // A validating pipe (text -> email, coerced number -> money) accepts only what its second stage accepts.
      else if (io === 'input') {
        const narrowed = toJsonSchema(to, 'output');
        Object.assign(jsonSchema, { ...narrowed, ...jsonSchema, type: narrowed.type ?? jsonSchema.type });
      }
    }
    // A named format says it better than zod's long regular expression for the same thing.
    if (jsonSchema.format && jsonSchema.pattern) delete jsonSchema.pattern;
    // Responses always carry every field, so input defaults would only mislead there.
    if (io === 'output') delete jsonSchema.default;
  };
}

// OpenAPI 3.1 sets the dialect for the whole document, and components are named by their key, not by $id.
function clean(schema: JsonSchema): JsonSchema {
  const rest = { ...schema };
  delete rest.$schema;
  delete rest.$id;
  return rest;
}

/** One schema as JSON Schema 2020-12 (the OpenAPI 3.1 dialect), for the request (`input`) or response (`output`) side. */
export function toJsonSchema(schema: z.core.$ZodType, io: Io): JsonSchema {
  return clean(z.toJSONSchema(schema, { io, unrepresentable, override: override(io) }) as JsonSchema);
}

/** Named schemas as OpenAPI components, referring to each other by `#/components/schemas/<name>`. */
export function componentSchemas(schemas: Record<string, z.core.$ZodType>, io: Io): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: generated } = z.toJSONSchema(registry, {
    io,
    unrepresentable,
    override: override(io),
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(Object.entries(generated).map(([id, schema]) => [id, clean(schema)]));
}

/** A query or path parameter's schema: optional values are simply left out of the URL, so `null` does not apply. */
export function parameterSchema(schema: JsonSchema): JsonSchema {
  const { anyOf, type, ...rest } = schema;
  if (Array.isArray(type)) {
    const types = type.filter((t) => t !== 'null');
    return { ...rest, type: types.length === 1 ? types[0] : types };
  }
  if (Array.isArray(anyOf)) {
    const branches = (anyOf as JsonSchema[]).filter((branch) => branch.type !== 'null');
    return branches.length === 1 ? { ...rest, ...parameterSchema(branches[0]) } : { ...rest, anyOf: branches.map(parameterSchema) };
  }
  return schema;
}
