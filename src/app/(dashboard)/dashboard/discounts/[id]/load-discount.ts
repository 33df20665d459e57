import { cache } from 'react';

import { orNotFound } from '@/http/not-found';
import type { Discount } from '@/lib/types';
import { getDiscount } from '@/services/discounts';

/** The discount for this request (shared by metadata and page), or the segment's not-found page. */
export const loadDiscount = cache((id: string): Promise<Discount> => orNotFound(getDiscount({ id })));
