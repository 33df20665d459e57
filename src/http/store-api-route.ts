import { customerActorFromHeaders, type CustomerActor } from '@/auth/customer-actor';
import { UnauthorizedError } from '@/services/errors';

import { problemFromError } from './problem';

interface StoreApiContext<P> {
  request: Request;
  customer: CustomerActor;
  params: P;
}

/**
 * Wraps a /api/v1/store handler: resolves the signed-in storefront customer (401 without a store session; staff
 * sessions and API keys are not customers) and maps every thrown error to problem+json. Handlers pass
 * `customer.id` to the services, which answer 404 for anything that is not this customer's.
 */
export function storeApiRoute<P = Record<string, never>>(handler: (context: StoreApiContext<P>) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const customer = await customerActorFromHeaders(request.headers);
      if (!customer) throw new UnauthorizedError('Sign in to your store account first');
      return await handler({ request, customer, params: await context.params });
    } catch (error) {
      return problemFromError(error);
    }
  };
}
