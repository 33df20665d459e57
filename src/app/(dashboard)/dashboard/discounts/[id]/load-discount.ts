import { notFound } from 'next/navigation';
import { cache } from 'react';

import type { Discount } from '@/lib/types';
import { getDiscount } from '@/services/discounts';
import { NotFoundError } from '@/services/errors';

/** The discount for this request (shared by metadata and page), or the segment's not-found page. */
export const loadDiscount = cache(async (id: string): Promise<Discount> => {
  try {
    return await getDiscount({ id });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});
