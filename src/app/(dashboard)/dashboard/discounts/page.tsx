import { Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { discountTargetsLabel, discountUsageLabel, discountValueLabel, discountWindowLabel } from '@/components/dashboard/discounts/discount-labels';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { listDiscounts } from '@/services/discounts';
import { ValidationFailedError } from '@/services/errors';
import { can } from '@/services/permissions';

export const metadata: Metadata = { title: 'Discounts' };

type Props = { searchParams: Promise<{ cursor?: string | string[] }> };

export default async function DiscountsPage({ searchParams }: Props) {
  const actor = await requireStaff('discounts:read');
  const { cursor } = await searchParams;
  const page = await listDiscounts({ cursor: typeof cursor === 'string' ? cursor : undefined }).catch((error: unknown) => {
    // A tampered page link: show the first page rather than an error.
    if (error instanceof ValidationFailedError) return listDiscounts();
    throw error;
  });
  const newButton = can(actor, 'discounts:manage') && (
    <Button asChild>
      <Link href="/dashboard/discounts/new">
        <Plus aria-hidden />
        New discount
      </Link>
    </Button>
  );

  return (
    <>
      <PageHeader title="Discounts" description="Codes for a percentage or an amount off, for everyone or for chosen customer groups." actions={newButton} />
      <Card className="overflow-hidden">
        {page.data.length === 0 ? (
          <p className="p-8 text-center text-sm text-slate-600">No discounts yet.{newButton ? ' Create one with “New discount”.' : ''}</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Code</TableHead>
                <TableHead className="hidden sm:table-cell">For</TableHead>
                <TableHead className="hidden md:table-cell">When</TableHead>
                <TableHead className="text-right">Used</TableHead>
                <TableHead className="hidden sm:table-cell">Status</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.data.map((discount) => (
                <TableRow key={discount.id}>
                  <TableCell className="max-w-0 min-w-40">
                    <Link href={`/dashboard/discounts/${discount.id}`} className="block truncate font-mono font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                      {discount.code}
                    </Link>
                    <span className="block truncate text-xs text-slate-600">
                      {discountValueLabel(discount)}
                      <span className="sm:hidden">
                        {' · '}
                        {discountTargetsLabel(discount)}
                        {discount.active ? '' : ' · Inactive'}
                      </span>
                    </span>
                  </TableCell>
                  <TableCell className="hidden text-sm text-slate-700 sm:table-cell">{discountTargetsLabel(discount)}</TableCell>
                  <TableCell className="hidden whitespace-nowrap text-sm text-slate-600 md:table-cell">{discountWindowLabel(discount)}</TableCell>
                  <TableCell className="whitespace-nowrap text-right tabular-nums text-sm text-slate-700">{discountUsageLabel(discount)}</TableCell>
                  <TableCell className="hidden sm:table-cell">
                    <Badge variant={discount.active ? 'success' : 'secondary'}>{discount.active ? 'Active' : 'Inactive'}</Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {page.nextCursor && (
          <div className="border-t border-slate-200 p-3 text-right">
            <Link href={`/dashboard/discounts?cursor=${encodeURIComponent(page.nextCursor)}`} className="text-sm font-medium text-indigo-700 hover:underline">
              More discounts →
            </Link>
          </div>
        )}
      </Card>
    </>
  );
}
