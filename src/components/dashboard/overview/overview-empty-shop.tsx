import { FileUp, UserPlus, Users } from 'lucide-react';
import Link from 'next/link';

import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

/** The overview of a shop with no customers: what to do to get figures here. */
export function OverviewEmptyShop() {
  return (
    <Card className="flex flex-col items-center px-6 py-14 text-center">
      <span className="flex size-12 items-center justify-center rounded-full bg-slate-100 text-slate-500 [&_svg]:size-6">
        <Users aria-hidden />
      </span>
      <h2 className="mt-4 text-base font-semibold text-slate-900">No customers yet</h2>
      <p className="mt-1 max-w-lg text-sm text-slate-600">
        This page shows new customers per month, revenue, your best customers and the ones slipping away once the shop has customers and
        orders.
      </p>
      <div className="mt-6 grid w-full max-w-2xl gap-3 text-left sm:grid-cols-2">
        <div className="rounded-md border border-slate-200 p-4">
          <h3 className="flex items-center gap-2 text-sm font-medium text-slate-900">
            <UserPlus aria-hidden className="size-4 text-slate-500" /> Add a customer
          </h3>
          <p className="mt-1 text-sm text-slate-600">Enter a customer by hand, then record their orders.</p>
          <Button asChild size="sm" className="mt-3">
            <Link href="/dashboard/customers/new">Add customer</Link>
          </Button>
        </div>
        <div className="rounded-md border border-slate-200 p-4">
          <h3 className="flex items-center gap-2 text-sm font-medium text-slate-900">
            <FileUp aria-hidden className="size-4 text-slate-500" /> Import your order history
          </h3>
          <p className="mt-1 text-sm text-slate-600">From an invoice-line CSV, on the server:</p>
          <code className="mt-2 block overflow-x-auto whitespace-nowrap rounded bg-slate-100 px-2 py-1.5 font-mono text-xs text-slate-800">
            npm run cli -- import-orders orders.csv
          </code>
        </div>
      </div>
    </Card>
  );
}
