import { customerActorFromHeaders, type CustomerActor } from '@/auth/customer-actor';
import { isTrustedCookieWrite } from '@/auth/trusted-origins';
import { ForbiddenError, UnauthorizedError } from '@/services/errors';

import type { PathParams, StoreOperation } from './operations';
import { CROSS_SITE } from './api-route';
import { idempotentResponse } from './idempotency';
import { problemFromError } from './problem';
import { checkPathIds } from './request';

interface StoreApiContext<P> {
  request: Request;
  customer: CustomerActor;
  params: P;
}

/**
 * Wraps a /api/v1/store handler: resolves the signed-in storefront customer (401 without a store session; staff
 * sessions and API keys are not customers; 403 for a write from another site), answers a path id that cannot name a
 * record with 404, runs a write with an Idempotency-Key once per customer and key, and maps every thrown error to
 * problem+json. Handlers pass `customer.id` to the services, which answer 404 for anything that is not this
 * customer's.
 */
export function storeApiRoute<O extends StoreOperation>(operation: O, handler: (context: StoreApiContext<PathParams<O>>) => Promise<Response>) {
  const route = async (request: Request, context: { params: Promise<PathParams<O>> }): Promise<Response> => {
    try {
      const customer = await customerActorFromHeaders(request.headers);
      if (!customer) throw new UnauthorizedError('Sign in to your store account first');
      if (!isTrustedCookieWrite(request)) throw new ForbiddenError(CROSS_SITE);
      const params = await context.params;
      checkPathIds(operation, params);
      return await idempotentResponse(request, customer, () => handler({ request, customer, params }));
    } catch (error) {
      return problemFromError(error);
    }
  };
  return Object.assign(route, { operation });
}
