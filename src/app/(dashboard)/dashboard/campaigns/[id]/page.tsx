import { ArrowLeft, Pencil } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { CampaignDeliveriesTable } from '@/components/dashboard/campaigns/campaign-deliveries-table';
import { CampaignDraftTools } from '@/components/dashboard/campaigns/campaign-draft-tools';
import { CampaignMessagePreview } from '@/components/dashboard/campaigns/campaign-message-preview';
import { CampaignSendPanel } from '@/components/dashboard/campaigns/campaign-send-panel';
import { CampaignStatusBadge } from '@/components/dashboard/campaigns/campaign-status-badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDate } from '@/lib/format';
import { campaignAudience, listCampaignDeliveries } from '@/services/campaigns';
import { ValidationFailedError } from '@/services/errors';
import { renderTemplate } from '@/services/campaigns/template';
import { can } from '@/services/permissions';
import { findStaffMemberEmail } from '@/services/staff';

import { loadCampaign } from './load-campaign';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ after?: string | string[] }> };

const PREVIEW_COUNT = 3;
const RESULTS_PAGE = 50;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireStaff();
  return { title: (await loadCampaign((await params).id)).name };
}

export default async function CampaignPage({ params, searchParams }: Props) {
  const actor = await requireStaff('campaigns:read');
  const campaign = await loadCampaign((await params).id);
  const { after } = await searchParams;
  const cursor = typeof after === 'string' && after ? after : null;
  const isDraft = campaign.status === 'draft';
  const [audience, results] = await Promise.all([
    isDraft ? campaignAudience(campaign.id, { limit: PREVIEW_COUNT }) : null,
    isDraft
      ? null
      : listCampaignDeliveries({ campaignId: campaign.id, cursor, limit: RESULTS_PAGE }).catch((error: unknown) => {
          // A tampered page link: show the first page rather than an error.
          if (error instanceof ValidationFailedError) return listCampaignDeliveries({ campaignId: campaign.id, limit: RESULTS_PAGE });
          throw error;
        }),
  ]);
  const previews = (audience?.preview ?? []).map((recipient) => ({
    recipient,
    subject: renderTemplate(campaign.subject, recipient),
    body: renderTemplate(campaign.body, recipient),
  }));

  return (
    <div className="mx-auto w-full max-w-5xl space-y-6">
      <Link href="/dashboard/campaigns" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden />
        Campaigns
      </Link>
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1.5">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="break-words text-2xl font-semibold tracking-tight text-slate-900">{campaign.name}</h1>
            <CampaignStatusBadge campaign={campaign} />
          </div>
          <p className="text-sm text-slate-600">
            {campaign.channel === 'email' ? 'Email' : 'SMS'} to {campaign.groups.map((group) => group.name).join(', ')}
            {campaign.sentAt ? ` · sent ${formatDate(campaign.sentAt, 'datetime')}` : ` · created ${formatDate(campaign.createdAt)}`}
          </p>
        </div>
        {isDraft && can(actor, 'campaigns:write') && (
          <Button asChild variant="outline">
            <Link href={`/dashboard/campaigns/${campaign.id}/edit`}>
              <Pencil aria-hidden />
              Edit
            </Link>
          </Button>
        )}
      </header>

      <Card>
        <CardHeader>
          <CardTitle>{isDraft ? 'Audience' : 'Progress'}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          {audience && (
            <p className="text-sm text-slate-700">
              <strong className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="audience-count">
                {audience.count.toLocaleString('en-GB')}
              </strong>{' '}
              {audience.count === 1 ? 'recipient' : 'recipients'}: members of {campaign.groups.map((group) => group.name).join(', ')} who agreed to{' '}
              {campaign.channel === 'email' ? 'marketing emails' : 'text messages'}. Erased customers and those without consent are left out.
            </p>
          )}
          <CampaignSendPanel
            key={campaign.status}
            campaignId={campaign.id}
            status={campaign.status}
            deliveries={campaign.deliveries}
            audienceCount={audience?.count ?? campaign.deliveries.total}
            channel={campaign.channel}
            canSend={can(actor, 'campaigns:send')}
          />
          {isDraft && can(actor, 'campaigns:send') && (
            <CampaignDraftTools
              campaignId={campaign.id}
              channel={campaign.channel}
              scheduledFor={campaign.scheduledFor}
              scheduleError={campaign.scheduleError}
              ownEmail={actor.type === 'staff' ? await findStaffMemberEmail(actor.id) : null}
            />
          )}
        </CardContent>
      </Card>

      {isDraft ? (
        <section aria-labelledby="preview-heading" className="space-y-3">
          <h2 id="preview-heading" className="text-lg font-semibold text-slate-900">
            Preview{previews.length > 0 ? ` for the first ${previews.length}` : ''}
          </h2>
          {previews.length === 0 ? (
            <p className="text-sm text-slate-600">Nobody would receive this campaign yet.</p>
          ) : (
            <div className="grid gap-4 md:grid-cols-3">
              {previews.map((preview) => (
                <CampaignMessagePreview key={preview.recipient.customerId} channel={campaign.channel} {...preview} />
              ))}
            </div>
          )}
        </section>
      ) : (
        <Card className="overflow-hidden">
          <CardHeader>
            <CardTitle>Recipients</CardTitle>
          </CardHeader>
          {results && <CampaignDeliveriesTable deliveries={results.data} channel={campaign.channel} />}
          {(cursor || results?.nextCursor) && (
            <div className="flex justify-between border-t border-slate-200 p-3 text-sm">
              {cursor ? <Link href={`/dashboard/campaigns/${campaign.id}`} className="font-medium text-indigo-700 hover:underline">← First page</Link> : <span />}
              {results?.nextCursor && (
                <Link href={`/dashboard/campaigns/${campaign.id}?after=${results.nextCursor}`} className="font-medium text-indigo-700 hover:underline">
                  Next {RESULTS_PAGE} →
                </Link>
              )}
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
