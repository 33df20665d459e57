// PUT /api/v1/metrics/settings – set the shop's metrics date (owners and admins); null computes as of now
import { apiRoute, json } from '@/http/api-route';
import { metricsSettingsSchema } from '@/lib/validation/metrics';
import { updateMetricsSettings } from '@/services/metrics';

import { readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

// The background job recomputes as of the new setting at its next check; POST /metrics/recompute does it at once.
export const PUT = apiRoute('PUT /metrics/settings', async ({ request, actor }) => json(await updateMetricsSettings({ actor, input: await readBody(request, metricsSettingsSchema) })));
