import { ArrowLeft, Pencil } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { DeleteDiscountButton } from '@/components/dashboard/discounts/delete-discount-button';
import { DiscountEligibilityChecker } from '@/components/dashboard/discounts/discount-eligibility-checker';
import { discountTargetsLabel, discountUsageLabel, discountValueLabel, discountWindowLabel } from '@/components/dashboard/discounts/discount-labels';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { formatMoney } from '@/lib/format';
import { can } from '@/services/permissions';

import { loadDiscount } from './load-discount';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireStaff();
  return { title: (await loadDiscount((await params).id)).code };
}

export default async function DiscountPage({ params }: Props) {
  const actor = await requireStaff('discounts:read');
  const discount = await loadDiscount((await params).id);
  const facts: [string, string][] = [
    ['Value', discountValueLabel(discount)],
    ['For', discountTargetsLabel(discount)],
    ['When', discountWindowLabel(discount)],
    ['Minimum subtotal', discount.minSubtotal ? formatMoney(discount.minSubtotal, discount.currency) : 'None'],
    ['Used', discountUsageLabel(discount)],
    ['Per customer', discount.perCustomerLimit === null ? 'Unlimited' : `${discount.perCustomerLimit} ${discount.perCustomerLimit === 1 ? 'time' : 'times'}`],
  ];

  return (
    <div className="mx-auto w-full max-w-4xl space-y-6">
      <Link href="/dashboard/discounts" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden />
        Discounts
      </Link>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="break-all font-mono text-2xl font-semibold tracking-tight text-slate-900">{discount.code}</h1>
            <Badge variant={discount.active ? 'success' : 'secondary'}>{discount.active ? 'Active' : 'Inactive'}</Badge>
          </div>
          {discount.description && <p className="mt-1 text-sm text-slate-600">{discount.description}</p>}
        </div>
        {can(actor, 'discounts:manage') && (
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="outline">
              <Link href={`/dashboard/discounts/${discount.id}/edit`}>
                <Pencil aria-hidden />
                Edit
              </Link>
            </Button>
            {/* A used discount is order history: it can be deactivated (Edit), not deleted. */}
            {discount.timesUsed === 0 && <DeleteDiscountButton id={discount.id} code={discount.code} />}
          </div>
        )}
      </div>
      <Card>
        <CardContent className="py-4">
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
            {facts.map(([label, value]) => (
              <div key={label} className="min-w-0">
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
                <dd className="mt-0.5 text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <DiscountEligibilityChecker discountId={discount.id} currency={discount.currency} />
    </div>
  );
}
