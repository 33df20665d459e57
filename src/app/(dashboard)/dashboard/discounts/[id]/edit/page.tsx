import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { DiscountForm } from '@/components/dashboard/discounts/discount-form';
import { toFormValues } from '@/components/dashboard/discounts/discount-form-schema';
import { listCustomerGroupOptions } from '@/services/customer-groups';

import { loadDiscount } from '../load-discount';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireStaff();
  return { title: `Edit ${(await loadDiscount((await params).id)).code}` };
}

export default async function EditDiscountPage({ params }: Props) {
  await requireStaff('discounts:manage');
  const [discount, groups] = await Promise.all([loadDiscount((await params).id), listCustomerGroupOptions()]);
  return (
    <div className="mx-auto w-full max-w-3xl space-y-6">
      <div className="space-y-1">
        <Link href={`/dashboard/discounts/${discount.id}`} className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-4" aria-hidden />
          {discount.code}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Edit discount</h1>
      </div>
      <DiscountForm groups={groups} currency={discount.currency} discount={{ id: discount.id, version: discount.version, values: toFormValues(discount) }} />
    </div>
  );
}
