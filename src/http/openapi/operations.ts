import type { z } from 'zod';

import { parameterSchema, toJsonSchema } from './json-schema';

// Building blocks of the operations in paths.ts and order-paths.ts.

export const ref = (kind: 'schemas' | 'responses' | 'parameters', name: string) => ({ $ref: `#/components/${kind}/${name}` });
export const jsonBody = (schema: string, required = true) => ({ required, content: { 'application/json': { schema: ref('schemas', schema) } } });
export const jsonResponse = (description: string, schema: string) => ({ description, content: { 'application/json': { schema: ref('schemas', schema) } } });

type Problem = 400 | 401 | 403 | 404 | 409 | 422;
const PROBLEM_RESPONSES: Record<Problem, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  422: 'ValidationFailed',
};
// Every operation here needs credentials, so each can answer 401.
export const problems = (...statuses: Problem[]) =>
  Object.fromEntries(([401, ...statuses] as Problem[]).sort().map((status) => [status, ref('responses', PROBLEM_RESPONSES[status])]));

/** Query parameters with the constraints (types, ranges, enums, defaults) of the list schema and the prose given. */
export function queryParametersOf<K extends string>(schema: z.core.$ZodType, descriptions: Record<K, string>, names: K[]) {
  const { properties } = toJsonSchema(schema, 'input') as { properties: Record<K, Record<string, unknown>> };
  return names.map((name) => ({ name, in: 'query', required: false, description: descriptions[name], schema: parameterSchema(properties[name]) }));
}
