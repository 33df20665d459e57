import { Building2, Pencil, Plus } from 'lucide-react';
import Link from 'next/link';

import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { formatDate } from '@/lib/format';
import { initials } from '@/lib/initials';
import type { CustomerDetail } from '@/lib/types';

import { DeleteCustomerButton } from './delete-customer-button';
import { MergeWithButton } from './merge/merge-with-button';

export function customerName(customer: Pick<CustomerDetail, 'firstName' | 'lastName'>): string {
  return `${customer.firstName} ${customer.lastName}`.trim();
}

/** Name, company, group and tags, with the actions the viewer's role allows. */
export function CustomerHeader({ customer, canDelete, canErase, canMerge = false }: { customer: CustomerDetail; canDelete: boolean; canErase: boolean; canMerge?: boolean }) {
  const name = customerName(customer);
  return (
    <header className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="flex min-w-0 items-start gap-4">
        <div aria-hidden className="flex size-12 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-base font-semibold text-indigo-700">
          {initials(customer.firstName, customer.lastName)}
        </div>
        <div className="min-w-0 space-y-1.5">
          <h1 className="break-words text-2xl font-semibold tracking-tight text-slate-900">{name}</h1>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
            {customer.erasedAt && <Badge variant="secondary">Personal data erased {formatDate(customer.erasedAt)}</Badge>}
            {customer.company && (
              <span className="inline-flex items-center gap-1">
                <Building2 className="size-4 text-slate-400" aria-hidden />
                {customer.company}
              </span>
            )}
            <span>Customer since {formatDate(customer.createdAt)}</span>
          </p>
          {(customer.customerGroup || customer.tags.length > 0) && (
            <ul className="flex flex-wrap gap-1.5 pt-1" aria-label="Group and tags">
              {customer.customerGroup && (
                <li>
                  <Badge>
                    <span className="sr-only">Group: </span>
                    {customer.customerGroup.name}
                  </Badge>
                </li>
              )}
              {customer.tags.map((tag) => (
                <li key={tag}>
                  <Badge variant="secondary">
                    <span className="sr-only">Tag: </span>
                    {tag}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {/* An erased record only keeps its orders: nothing to edit, no new orders, nothing left to delete. */}
      {!customer.erasedAt && (
        <div className="flex shrink-0 flex-wrap gap-2">
          <Link href={`/dashboard/orders/new?customerId=${customer.id}`} className={buttonVariants()}>
            <Plus aria-hidden />
            New order
          </Link>
          <Link href={`/dashboard/customers/${customer.id}/edit`} className={buttonVariants({ variant: 'outline' })}>
            <Pencil aria-hidden />
            Edit
          </Link>
          {canMerge && <MergeWithButton customerId={customer.id} customerName={name} />}
          {canDelete && <DeleteCustomerButton customerId={customer.id} customerName={name} orderCount={customer.orderCount} canErase={canErase} />}
        </div>
      )}
    </header>
  );
}
