import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { DiscountForm } from '@/components/dashboard/discounts/discount-form';
import { listCustomerGroupOptions } from '@/services/customer-groups';
import { SHOP_CURRENCY } from '@/lib/config';

export const metadata: Metadata = { title: 'New discount' };

export default async function NewDiscountPage() {
  await requireStaff('discounts:manage');
  const groups = await listCustomerGroupOptions();
  return (
    <div className="mx-auto w-full max-w-3xl space-y-6">
      <div className="space-y-1">
        <Link href="/dashboard/discounts" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-4" aria-hidden />
          Discounts
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">New discount</h1>
      </div>
      <DiscountForm groups={groups} currency={SHOP_CURRENCY} />
    </div>
  );
}
