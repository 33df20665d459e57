import { redirect } from 'next/navigation';
import { cache } from 'react';

import { orNotFound } from '@/http/not-found';
import type { CustomerDetail } from '@/lib/types';
import { assertCustomerExists, getCustomerById } from '@/services/customers';
import { NotFoundError } from '@/services/errors';

/** A customer merged into another: that one's page, which says so. Anything else goes on as it was thrown. */
function followMerge(id: string) {
  return (error: unknown): never => {
    const mergedInto = error instanceof NotFoundError ? error.members?.mergedInto : undefined;
    if (mergedInto) redirect(`/dashboard/customers/${mergedInto}?mergedFrom=${encodeURIComponent(id)}`);
    throw error;
  };
}

/**
 * Checked in the customer's layout, before the page's skeleton streams: a missing customer gets the not-found page
 * with HTTP 404 (a notFound() from the streamed page could only answer 200), a merged one a real redirect.
 */
export const checkCustomer = cache((id: string): Promise<void> => orNotFound(assertCustomerExists(id).catch(followMerge(id))));

/** The customer for this request (shared by metadata and page); a customer removed since the layout's check as above. */
export const loadCustomer = cache((id: string): Promise<CustomerDetail> => orNotFound(getCustomerById({ id }).catch(followMerge(id))));
