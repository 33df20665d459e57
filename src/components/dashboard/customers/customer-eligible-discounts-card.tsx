import Link from 'next/link';

import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { Discount } from '@/lib/types';

/** The active discounts this customer could use now, each with why (value, groups, minimum). */
export function CustomerEligibleDiscountsCard({ discounts }: { discounts: { discount: Discount; reason: string }[] }) {
  return (
    <Card aria-labelledby="eligible-discounts-title">
      <CardHeader>
        <CardTitle id="eligible-discounts-title">Discounts this customer can use</CardTitle>
      </CardHeader>
      <CardContent>
        {discounts.length === 0 ? (
          <p className="text-sm text-slate-600">None right now.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {discounts.map(({ discount, reason }) => (
              <li key={discount.id} className="py-2 first:pt-0 last:pb-0">
                <Link href={`/dashboard/discounts/${discount.id}`} className="font-mono text-sm font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                  {discount.code}
                </Link>
                <p className="text-xs text-slate-600">{reason.replace(/^Eligible: /, '')}</p>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
