import { cache } from 'react';

import { orNotFound } from '@/http/not-found';
import type { CustomerDetail } from '@/lib/types';
import { getCustomerById } from '@/services/customers';

/** The customer for this request (shared by metadata and page), or the segment's not-found page. */
export const loadCustomer = cache((id: string): Promise<CustomerDetail> => orNotFound(getCustomerById({ id })));
