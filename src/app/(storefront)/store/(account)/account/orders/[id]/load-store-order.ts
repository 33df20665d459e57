import { notFound } from 'next/navigation';
import { cache } from 'react';

import type { StoreOrder } from '@/lib/types';
import { NotFoundError } from '@/services/errors';
import { getStoreOrder } from '@/services/store/account';

/** One of the customer's own orders for this request (metadata and page share it), or the not-found page. */
export const loadStoreOrder = cache(async (customerId: string, orderId: string): Promise<StoreOrder> => {
  try {
    return await getStoreOrder({ customerId, orderId });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});
