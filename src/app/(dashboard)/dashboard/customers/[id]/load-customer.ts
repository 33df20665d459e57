import { notFound } from 'next/navigation';
import { cache } from 'react';

import type { CustomerDetail } from '@/lib/types';
import { getCustomerById } from '@/services/customers';
import { NotFoundError } from '@/services/errors';

/** The customer for this request (shared by metadata and page), or the segment's not-found page. */
export const loadCustomer = cache(async (id: string): Promise<CustomerDetail> => {
  try {
    return await getCustomerById({ id });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});
