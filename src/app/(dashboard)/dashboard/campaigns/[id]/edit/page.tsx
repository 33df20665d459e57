import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { requireStaff } from '@/auth/require-staff';
import { CampaignForm } from '@/components/dashboard/campaigns/campaign-form';
import { listCustomerGroupOptions } from '@/services/customer-groups';

import { loadCampaign } from '../load-campaign';

export const metadata: Metadata = { title: 'Edit campaign' };

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff('campaigns:write');
  const campaign = await loadCampaign((await params).id);
  // Only drafts can change; a campaign that started sending shows its results instead.
  if (campaign.status !== 'draft') redirect(`/dashboard/campaigns/${campaign.id}`);
  const groups = await listCustomerGroupOptions();
  const values = { ...campaign, customerGroupIds: campaign.groups.map((group) => group.id) };
  return (
    <div className="mx-auto w-full max-w-3xl space-y-6">
      <div className="space-y-1">
        <Link href={`/dashboard/campaigns/${campaign.id}`} className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-4" aria-hidden />
          {campaign.name}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Edit campaign</h1>
      </div>
      <CampaignForm groups={groups} campaign={values} />
    </div>
  );
}
