import { Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { CampaignStatusBadge } from '@/components/dashboard/campaigns/campaign-status-badge';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDate } from '@/lib/format';
import { listCampaigns } from '@/services/campaigns';
import { ValidationFailedError } from '@/services/errors';
import { can } from '@/services/permissions';

export const metadata: Metadata = { title: 'Campaigns' };

type Props = { searchParams: Promise<{ cursor?: string | string[] }> };

export default async function CampaignsPage({ searchParams }: Props) {
  const actor = await requireStaff('campaigns:read');
  const { cursor } = await searchParams;
  const page = await listCampaigns({ limit: 25, cursor: typeof cursor === 'string' ? cursor : undefined }).catch((error: unknown) => {
    // A tampered page link: show the first page rather than an error.
    if (error instanceof ValidationFailedError) return listCampaigns({ limit: 25 });
    throw error;
  });
  const newButton = can(actor, 'campaigns:write') && (
    <Button asChild>
      <Link href="/dashboard/campaigns/new">
        <Plus aria-hidden />
        New campaign
      </Link>
    </Button>
  );

  return (
    <>
      <PageHeader title="Campaigns" description="Emails and text messages to customer groups, only to customers who agreed to receive them." actions={newButton} />
      <Card className="overflow-hidden">
        {page.data.length === 0 ? (
          <p className="p-8 text-center text-sm text-slate-600">No campaigns yet.{newButton ? ' Compose one with “New campaign”.' : ''}</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Campaign</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="text-right">Sent</TableHead>
                <TableHead className="hidden sm:table-cell">Created</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.data.map((campaign) => (
                <TableRow key={campaign.id}>
                  <TableCell className="max-w-0 min-w-40">
                    <Link href={`/dashboard/campaigns/${campaign.id}`} className="block truncate font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                      {campaign.name}
                    </Link>
                    <span className="text-xs text-slate-500">{campaign.channel === 'email' ? 'Email' : 'SMS'}</span>
                  </TableCell>
                  <TableCell>
                    <CampaignStatusBadge campaign={campaign} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-right tabular-nums text-sm text-slate-700">
                    {campaign.status === 'draft' ? '—' : `${campaign.deliveries.sent.toLocaleString('en-GB')} / ${campaign.deliveries.total.toLocaleString('en-GB')}`}
                  </TableCell>
                  <TableCell className="hidden whitespace-nowrap text-sm text-slate-600 sm:table-cell">{formatDate(campaign.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {page.nextCursor && (
          <div className="border-t border-slate-200 p-3 text-right">
            <Link href={`/dashboard/campaigns?cursor=${encodeURIComponent(page.nextCursor)}`} className="text-sm font-medium text-indigo-700 hover:underline">
              Older campaigns →
            </Link>
          </div>
        )}
      </Card>
    </>
  );
}
