// GET /api/v1/openapi.json – the OpenAPI 3.1 document of this API (public: it describes the API and holds no data)
import { buildOpenApiDocument } from '@/http/openapi/document';

// Built from the zod schemas alone, so it is the same for every request and can be prerendered.
export const dynamic = 'force-static';

export function GET(): Response {
  return Response.json(buildOpenApiDocument(), { headers: { 'access-control-allow-origin': '*' } });
}
