import { cache } from 'react';

import { orNotFound } from '@/http/not-found';
import type { StoreOrder } from '@/lib/types';
import { getStoreOrder } from '@/services/store/account';

/** One of the customer's own orders for this request (metadata and page share it), or the not-found page. */
export const loadStoreOrder = cache((customerId: string, orderId: string): Promise<StoreOrder> => orNotFound(getStoreOrder({ customerId, orderId })));
