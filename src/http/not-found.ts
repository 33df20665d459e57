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

/**
 * The segment's not-found page with HTTP status 404 when the record does not exist. Called from a detail segment's
 * layout, which renders before the page's loading skeleton starts streaming: once streaming has begun as a 200, a
 * notFound() from the page can no longer change the status (Next.js sends the friendly page with 200).
 */
export async function notFoundUnless(exists: Promise<boolean>): Promise<void> {
  if (!(await exists)) notFound();
}
