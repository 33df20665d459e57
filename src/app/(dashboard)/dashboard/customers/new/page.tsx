import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { CustomerForm } from '@/components/dashboard/customer-form';
import { listCustomerGroupOptions } from '@/services/customer-groups';

export const metadata: Metadata = { title: 'New customer' };

export default async function NewCustomerPage() {
  await requireStaff('customers:write');
  const groups = await listCustomerGroupOptions();
  return (
    <div className="mx-auto w-full max-w-3xl space-y-6">
      <div className="space-y-1">
        <Link href="/dashboard/customers" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-4" aria-hidden />
          Customers
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">New customer</h1>
        <p className="text-sm text-slate-600">You will be recorded as the staff member who added this customer.</p>
      </div>
      <CustomerForm groups={groups} />
    </div>
  );
}
