import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { CampaignForm } from '@/components/dashboard/campaigns/campaign-form';
import { listCustomerGroupOptions } from '@/services/customer-groups';

export const metadata: Metadata = { title: 'New campaign' };

export default async function NewCampaignPage() {
  await requireStaff('campaigns:write');
  const groups = await listCustomerGroupOptions();
  return (
    <div className="mx-auto w-full max-w-3xl space-y-6">
      <div className="space-y-1">
        <Link href="/dashboard/campaigns" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-4" aria-hidden />
          Campaigns
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">New campaign</h1>
        <p className="text-sm text-slate-600">Saved as a draft: you see who it reaches and preview the messages before sending.</p>
      </div>
      <CampaignForm groups={groups} />
    </div>
  );
}
