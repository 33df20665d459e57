import { actorFromRequest } from '@/auth/actor';
import { isTrustedCookieWrite } from '@/auth/trusted-origins';
import type { Actor } from '@/lib/types';
import { ForbiddenError, UnauthorizedError } from '@/services/errors';
import { assertCan } from '@/services/permissions';

import { idempotentResponse } from './idempotency';
import { STAFF_OPERATIONS, type PathParams, type StaffOperation } from './operations';
import { problemFromError } from './problem';
import { checkPathIds } from './request';

// API keys are sent deliberately and are not affected; a session cookie is sent by the browser on its own.
export const CROSS_SITE = 'A signed-in write must come from this app: the request\'s Origin is another site. Integrations use an API key.';

interface ApiContext<P> {
  request: Request;
  actor: Actor;
  params: P;
}

/**
 * Wraps the REST handler of one operation, in the order a caller should learn what is wrong: who (401 without an API
 * key or session; 403 for a cookie-authenticated write from another site), may they (403 for a role without the
 * operation's permission, before anything of the request is read), which record (404 for a path id that cannot name
 * one), then the handler reads the body. A write with an Idempotency-Key runs once per caller and key, its answer
 * replayed to retries (http/idempotency.ts). Every thrown error becomes problem+json. The services check the role
 * again, for the dashboard and the CLI.
 */
export function apiRoute<O extends StaffOperation>(
  operation: O,
  handler: (context: ApiContext<PathParams<O>>) => Promise<Response>,
  // 'handler': the route streams its body itself and applies the Idempotency-Key with idempotentResponseFor.
  { idempotency = 'body' }: { idempotency?: 'body' | 'handler' } = {},
) {
  const route = async (request: Request, context: { params: Promise<PathParams<O>> }): Promise<Response> => {
    try {
      const actor = await actorFromRequest(request);
      if (!actor) throw new UnauthorizedError();
      if (!request.headers.has('authorization') && !isTrustedCookieWrite(request)) throw new ForbiddenError(CROSS_SITE);
      assertCan(actor, STAFF_OPERATIONS[operation]);
      const params = await context.params;
      checkPathIds(operation, params);
      if (idempotency === 'handler') return await handler({ request, actor, params });
      return await idempotentResponse(request, actor, () => handler({ request, actor, params }));
    } catch (error) {
      return problemFromError(error);
    }
  };
  return Object.assign(route, { operation });
}

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status });
}
