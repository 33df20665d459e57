

import { actorFromRequest } from '@/auth/actor';
import type { Actor } from '@/lib/types';
import { BadRequestError, UnauthorizedError } from '@/services/errors';

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

/** The request's JSON body; malformed JSON is a 400, not a 500. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError('The request body is not valid JSON');
  }
}

/** The query string as a plain object, for the zod list schemas to coerce. */
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

