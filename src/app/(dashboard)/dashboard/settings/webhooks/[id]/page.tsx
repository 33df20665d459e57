import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { orNotFound } from '@/http/not-found';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { EditWebhookForm } from '@/components/dashboard/webhooks/edit-webhook-form';
import { EndpointActions } from '@/components/dashboard/webhooks/endpoint-actions';
import { ResendButton } from '@/components/dashboard/webhooks/resend-button';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDate } from '@/lib/format';
import { getWebhookEndpoint, listWebhookDeliveries } from '@/services/webhooks';

export const metadata: Metadata = { title: 'Webhook delivery log' };

const STATUS_VARIANT = { succeeded: 'success', pending: 'warning', failed: 'destructive' } as const;

export default async function WebhookDeliveriesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requireStaff('webhooks:manage');
  const { id } = await params;
  const { cursor } = await searchParams;
  const endpoint = await orNotFound(getWebhookEndpoint({ actor, id }));
  const page = await listWebhookDeliveries({ actor, endpointId: id, cursor: typeof cursor === 'string' && /^\d{1,15}$/.test(cursor) ? cursor : null });

  return (
    <div className="max-w-6xl space-y-6">
      <PageHeader title="Delivery log" description={<span className="break-all font-mono">{endpoint.url}</span>} />
      <Link href="/dashboard/settings/webhooks" className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline">
        ← All endpoints
      </Link>
      <EndpointActions endpoint={endpoint} />
      <details className="group rounded-lg border border-slate-200 bg-white">
        <summary className="cursor-pointer rounded-lg px-4 py-3 text-sm font-medium text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
          Edit URL, description and events
        </summary>
        <div className="border-t border-slate-200 p-4">
          <EditWebhookForm endpoint={endpoint} />
        </div>
      </details>
      <Card className="overflow-hidden">
        {page.data.length === 0 ? (
          <p className="px-6 py-12 text-center text-sm text-slate-600">No deliveries yet. Send a test event, or wait for a subscribed change.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Event</TableHead>
                <TableHead scope="col">Status</TableHead>
                <TableHead scope="col" className="hidden md:table-cell">Response</TableHead>
                <TableHead scope="col" className="hidden md:table-cell">Attempts</TableHead>
                <TableHead scope="col" className="hidden lg:table-cell">Next retry</TableHead>
                <TableHead scope="col">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.data.map((delivery) => (
                <TableRow key={delivery.id} className="align-top text-slate-700">
                  <TableCell>
                    <code className="text-xs text-slate-900">{delivery.eventType}</code>
                    <p className="text-xs text-slate-600">{formatDate(delivery.createdAt, 'datetime')}</p>
                    {(delivery.lastResponseBody || delivery.lastError) && (
                      <details className="mt-1 max-w-md text-xs">
                        <summary className="cursor-pointer text-indigo-700">Last response</summary>
                        {delivery.lastError && <p className="mt-1 text-red-700">{delivery.lastError}</p>}
                        {delivery.lastResponseBody && <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-slate-800">{delivery.lastResponseBody}</pre>}
                      </details>
                    )}
                  </TableCell>
                  <TableCell>
                    <Badge variant={STATUS_VARIANT[delivery.status]}>{delivery.status}</Badge>
                    <p className="mt-1 text-xs text-slate-600 md:hidden">
                      {delivery.lastStatusCode ?? '—'} · {delivery.attempts} attempt{delivery.attempts === 1 ? '' : 's'}
                    </p>
                  </TableCell>
                  <TableCell className="hidden md:table-cell">
                    {delivery.lastStatusCode ?? '—'}
                    {delivery.lastDurationMs !== null && <span className="text-xs text-slate-600"> · {delivery.lastDurationMs} ms</span>}
                  </TableCell>
                  <TableCell className="hidden md:table-cell">{delivery.attempts}</TableCell>
                  <TableCell className="hidden lg:table-cell">{delivery.nextAttemptAt ? formatDate(delivery.nextAttemptAt, 'datetime') : '—'}</TableCell>
                  <TableCell className="text-right">
                    <ResendButton endpointId={endpoint.id} deliveryId={delivery.id} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      {page.nextCursor && (
        <Link href={`?cursor=${page.nextCursor}`} className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline">
          Older deliveries →
        </Link>
      )}
    </div>
  );
}
