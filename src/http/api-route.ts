import { actorFromRequest } from '@/auth/actor';
import type { Actor } from '@/lib/types';
import { UnauthorizedError } from '@/services/errors';

import { problemFromError } from './problem';

interface ApiContext<P> {
  request: Request;
  actor: Actor;
  params: P;
}

/**
 * Wraps a REST handler: resolves the actor (API key or session; 401 without one), and maps every thrown
 * error to problem+json. Role checks stay in the services, which know what each operation needs.
 */
export function apiRoute<P = Record<string, never>>(handler: (context: ApiContext<P>) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const actor = await actorFromRequest(request);
      if (!actor) throw new UnauthorizedError();
      return await handler({ request, actor, params: await context.params });
    } catch (error) {
      return problemFromError(error);
    }
  };
}

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status });
}
