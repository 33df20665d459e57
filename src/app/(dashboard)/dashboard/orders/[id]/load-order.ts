import { notFound } from 'next/navigation';
import { cache } from 'react';

import type { Order } from '@/lib/types';
import { NotFoundError } from '@/services/errors';
import { getOrderById } from '@/services/orders';

/** The order for this request (shared by metadata and page), or the segment's not-found page. */
export const loadOrder = cache(async (id: string): Promise<Order> => {
  try {
    return await getOrderById({ id });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});
