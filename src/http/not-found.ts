import { forbidden, notFound } from 'next/navigation';

import { ForbiddenError, NotFoundError } from '@/services/errors';

/**
 * What a page loads, or the segment's not-found page when the service says it does not exist (and the 403 page when
 * the actor may not see it), so every detail page answers a missing record the same way.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
}
