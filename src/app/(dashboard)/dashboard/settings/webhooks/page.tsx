import { AlertTriangle, Webhook } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { CreateWebhookForm } from '@/components/dashboard/webhooks/create-webhook-form';
import { EndpointActions } from '@/components/dashboard/webhooks/endpoint-actions';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDate } from '@/lib/format';
import { listWebhookEndpoints } from '@/services/webhooks';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  const actor = await requireStaff('webhooks:manage');
  const endpoints = await listWebhookEndpoints({ actor });

  return (
    <div className="max-w-5xl">
      <PageHeader
        title="Webhooks"
        description="The shop POSTs an event to each endpoint when customers and orders change, signed per the Standard Webhooks specification. Failed deliveries are retried for about 3 days."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>Add an endpoint</CardTitle>
          </CardHeader>
          <CardContent className="py-4">
            <CreateWebhookForm />
          </CardContent>
        </Card>
        <section aria-labelledby="endpoints-heading" className="space-y-4">
          <h2 id="endpoints-heading" className="text-base font-semibold text-slate-900">
            Endpoints <span className="text-sm font-normal text-slate-600">({endpoints.length})</span>
          </h2>
          {endpoints.length === 0 && (
            <Card>
              <div className="flex flex-col items-center px-6 py-12 text-center">
                <span className="flex size-11 items-center justify-center rounded-full bg-slate-100 text-slate-600">
                  <Webhook className="size-5" aria-hidden />
                </span>
                <p className="mt-3 text-sm font-medium text-slate-900">No endpoints yet</p>
                <p className="mt-1 max-w-sm text-sm text-slate-600">Add one above to send customer and order events to another system.</p>
              </div>
            </Card>
          )}
          {endpoints.map((endpoint) => (
            <Card key={endpoint.id}>
              <CardContent className="space-y-3 py-4">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="break-all font-mono text-sm text-slate-900">{endpoint.url}</p>
                    {endpoint.description && <p className="mt-0.5 text-sm text-slate-600">{endpoint.description}</p>}
                  </div>
                  <Badge variant={endpoint.enabled ? (endpoint.failingSince ? 'warning' : 'success') : 'secondary'}>
                    {endpoint.enabled ? (endpoint.failingSince ? 'Failing' : 'Enabled') : 'Disabled'}
                  </Badge>
                </div>
                {endpoint.disabledReason && (
                  <p className="flex items-start gap-1.5 rounded-md bg-red-50 p-2 text-sm text-red-800" role="status">
                    <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
                    {endpoint.disabledReason}
                  </p>
                )}
                {endpoint.enabled && endpoint.failingSince && (
                  <p className="text-sm text-amber-800">Every delivery has failed since {formatDate(endpoint.failingSince, 'datetime')}; after 3 days the endpoint is disabled.</p>
                )}
                <div className="flex flex-wrap gap-1">
                  {endpoint.events.map((type) => (
                    <code key={type} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                      {type}
                    </code>
                  ))}
                </div>
                <p className="text-xs text-slate-600">
                  Secret <span className="font-mono">{endpoint.secretPrefix}…</span>
                  {endpoint.previousSecretExpiresAt && <> · the previous secret signs too until {formatDate(endpoint.previousSecretExpiresAt, 'datetime')}</>}
                  {' · '}added {formatDate(endpoint.createdAt)}
                </p>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <EndpointActions endpoint={endpoint} />
                  <Link href={`/dashboard/settings/webhooks/${endpoint.id}`} className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline">
                    Delivery log
                  </Link>
                </div>
              </CardContent>
            </Card>
          ))}
        </section>
      </div>
    </div>
  );
}
