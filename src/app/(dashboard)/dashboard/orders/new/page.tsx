import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { OrderForm } from '@/components/dashboard/orders/order-form';
import type { CustomerAddress, CustomerDetail, CustomerOption } from '@/lib/types';
import { getCustomerById } from '@/services/customers';
import { NotFoundError } from '@/services/errors';
import { SHOP_CURRENCY } from '@/lib/config';

export const metadata: Metadata = { title: 'New order' };

type Props = { searchParams: Promise<{ customerId?: string | string[] }> };

/** The customer named by `?customerId=`, or null when absent or unknown (the form then asks for one). */
async function preselected(customerId: string | undefined): Promise<(CustomerOption & { addresses: CustomerAddress[] }) | null> {
  if (!customerId) return null;
  let customer: CustomerDetail;
  try {
    customer = await getCustomerById({ id: customerId });
  } catch (error) {
    // A customer merged into another: the order is for the one they became.
    if (error instanceof NotFoundError && error.members?.mergedInto) return preselected(error.members.mergedInto);
    if (error instanceof NotFoundError) return null;
    throw error;
  }
  return { id: customer.id, name: `${customer.firstName} ${customer.lastName}`.trim(), email: customer.email, company: customer.company, addresses: customer.addresses };
}

export default async function NewOrderPage({ searchParams }: Props) {
  await requireStaff('orders:write');
  const { customerId } = await searchParams;
  const requested = typeof customerId === 'string' ? customerId : undefined;
  const customer = await preselected(requested);
  const back = customer ? { href: `/dashboard/customers/${customer.id}`, label: customer.name } : { href: '/dashboard/orders', label: 'Orders' };
  return (
    <div className="mx-auto w-full max-w-6xl space-y-6">
      <div className="space-y-1">
        <Link href={back.href} className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-4" aria-hidden />
          {back.label}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">New order</h1>
        <p className="text-sm text-slate-600">For an order taken by phone, email or in person. You will be recorded as the staff member who entered it.</p>
      </div>
      {requested && !customer && (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          The customer in the link was not found (they may have been deleted). Search for the customer below.
        </p>
      )}
      <OrderForm currency={SHOP_CURRENCY} customer={customer && { id: customer.id, name: customer.name, email: customer.email, company: customer.company }} addresses={customer?.addresses} />
    </div>
  );
}
