import { notFound } from 'next/navigation';
import { cache } from 'react';

import type { Campaign } from '@/lib/campaign-types';
import { getCampaign } from '@/services/campaigns';
import { NotFoundError } from '@/services/errors';

/** The campaign for this request (shared by metadata and page), or the dashboard's not-found page. */
export const loadCampaign = cache(async (id: string): Promise<Campaign> => {
  try {
    return await getCampaign({ id });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});
