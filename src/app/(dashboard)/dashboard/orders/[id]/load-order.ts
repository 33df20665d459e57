import { cache } from 'react';

import { orNotFound } from '@/http/not-found';
import type { Order } from '@/lib/types';
import { getOrderById } from '@/services/orders';

/** The order for this request (shared by metadata and page), or the segment's not-found page. */
export const loadOrder = cache((id: string): Promise<Order> => orNotFound(getOrderById({ id })));
