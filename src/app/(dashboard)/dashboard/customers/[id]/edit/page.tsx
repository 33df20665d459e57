import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { CustomerForm } from '@/components/dashboard/customer-form';
import { listCustomerGroupOptions } from '@/services/customer-groups';

import { loadCustomer } from '../load-customer';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  await requireStaff();
  const customer = await loadCustomer((await params).id);
  return { title: `Edit ${customer.firstName} ${customer.lastName}`.trim() };
}

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff('customers:write');
  const { id } = await params;
  const [customer, groups] = await Promise.all([loadCustomer(id), listCustomerGroupOptions()]);
  const name = `${customer.firstName} ${customer.lastName}`.trim();
  return (
    <div className="mx-auto w-full max-w-3xl space-y-6">
      <div className="space-y-1">
        <Link href={`/dashboard/customers/${customer.id}`} className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-4" aria-hidden />
          {name}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Edit customer</h1>
      </div>
      {/* Keyed by id only: a newer version arriving after "Reload latest" must not remount and wipe what was typed. */}
      <CustomerForm key={customer.id} customer={customer} groups={groups} />
    </div>
  );
}

