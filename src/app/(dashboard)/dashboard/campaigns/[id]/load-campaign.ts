import { cache } from 'react';

import { orNotFound } from '@/http/not-found';
import type { Campaign } from '@/lib/campaign-types';
import { getCampaign } from '@/services/campaigns';

/** The campaign for this request (shared by metadata and page), or the dashboard's not-found page. */
export const loadCampaign = cache((id: string): Promise<Campaign> => orNotFound(getCampaign({ id })));
