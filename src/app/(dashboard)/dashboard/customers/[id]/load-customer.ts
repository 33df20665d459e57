import { redirect } from 'next/navigation';
import { cache } from 'react';

import { orNotFound } from '@/http/not-found';
import type { CustomerDetail } from '@/lib/types';
import { getCustomerById } from '@/services/customers';
import { NotFoundError } from '@/services/errors';

/**
 * The customer for this request (shared by metadata and page); for a customer merged into another, that one's page
 * (which says so); otherwise the segment's not-found page.
 */
export const loadCustomer = cache(
  (id: string): Promise<CustomerDetail> =>
    orNotFound(
      getCustomerById({ id }).catch((error: unknown) => {
        const mergedInto = error instanceof NotFoundError ? error.members?.mergedInto : undefined;
        if (mergedInto) redirect(`/dashboard/customers/${mergedInto}?mergedFrom=${encodeURIComponent(id)}`);
        throw error;
      }),
    ),
);
