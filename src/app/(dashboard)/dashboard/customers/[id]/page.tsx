import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { CustomerAboutCard } from '@/components/dashboard/customers/customer-about-card';
import { CustomerAddressesPanel } from '@/components/dashboard/customers/customer-addresses-panel';
import { CustomerEligibleDiscountsCard } from '@/components/dashboard/customers/customer-eligible-discounts-card';
import { CustomerEngagementCard } from '@/components/dashboard/customers/customer-engagement-card';
import { CustomerHeader, customerName } from '@/components/dashboard/customers/customer-header';
import { CustomerNotesCard } from '@/components/dashboard/customers/customer-notes-card';
import { ErasedCustomerNotice } from '@/components/dashboard/customers/erased-customer-notice';
import { CustomerPrivacyCard } from '@/components/dashboard/customers/customer-privacy-card';
import { CustomerOrdersPanel } from '@/components/dashboard/customers/customer-orders-panel';
import { CustomerProfileCard } from '@/components/dashboard/customers/customer-profile-card';
import { CustomerStats } from '@/components/dashboard/customers/customer-stats';
import { CustomerSuggestionCard } from '@/components/dashboard/customers/customer-suggestion-card';
import { CustomerTimeline } from '@/components/dashboard/customers/customer-timeline';
import { Alert } from '@/components/ui/alert';
import { countryName } from '@/lib/countries';
import { formatMoney } from '@/lib/format';
import { listCustomerGroupOptions } from '@/services/customer-groups';
import { listCustomerEvents } from '@/services/customers';
import { listEligibleDiscounts } from '@/services/discounts';
import { getCustomerEngagement } from '@/services/metrics';
import { can } from '@/services/permissions';
import { listStaffMembers } from '@/services/staff';

import { loadCustomer } from './load-customer';

type Props = { params: Promise<{ id: string }>; searchParams?: Promise<{ mergedFrom?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireStaff();
  return { title: customerName(await loadCustomer((await params).id)) };
}

export default async function CustomerDetailPage({ params, searchParams }: Props) {
  const actor = await requireStaff('customers:read');
  const { id } = await params;
  // Set by loadCustomer when an old link named a customer merged into this one.
  const mergedFrom = (await searchParams)?.mergedFrom;
  const customer = await loadCustomer(id);
  // Independent reads, in parallel: the timeline and the names it shows instead of ids.
  const [events, staff, groups, discounts, engagement] = await Promise.all([
    listCustomerEvents({ customerId: id, limit: 50 }),
    listStaffMembers(),
    listCustomerGroupOptions(),
    listEligibleDiscounts({ customerId: id }),
    getCustomerEngagement({ actor, customerId: id }),
  ]);
  const names = {
    staff: new Map(staff.map((member) => [member.id, member.name])),
    groups: new Map(groups.map((group) => [group.id, group.name])),
    country: countryName,
    money: (minor: number) => formatMoney(minor, customer.currency),
  };
  const addressNames = { firstName: customer.firstName, lastName: customer.lastName };
  const isErased = customer.erasedAt !== null;
  const canPrivacy = can(actor, 'customers:privacy');

  return (
    <div className="mx-auto w-full max-w-6xl space-y-6">
      <Link href="/dashboard/customers" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden />
        Customers
      </Link>
      {mergedFrom && (
        <Alert role="status">The customer in the link you followed ({mergedFrom}) was merged into this one; their orders and history are here.</Alert>
      )}
      <CustomerHeader customer={customer} canDelete={can(actor, 'customers:delete')} canErase={canPrivacy} canMerge={can(actor, 'customers:merge')} />
      {customer.erasedAt && <ErasedCustomerNotice erasedAt={customer.erasedAt} />}
      <CustomerStats metrics={customer.metrics} />
      <div className="grid gap-6 lg:grid-cols-3">
        {/* On phones the contact details come before the long panels. */}
        <aside className="space-y-6 lg:order-last" aria-label="Contact and details">
          {isErased ? (
            <CustomerAboutCard customer={customer} />
          ) : (
            <>
              <CustomerProfileCard customer={customer} />
              <CustomerNotesCard customerId={customer.id} notes={customer.notes} />
              <CustomerAboutCard customer={customer} />
              <CustomerEligibleDiscountsCard discounts={discounts} />
              <CustomerSuggestionCard customerId={customer.id} />
            </>
          )}
          {canPrivacy && <CustomerPrivacyCard customerId={customer.id} customerName={customerName(customer)} orderCount={customer.orderCount} isErased={isErased} />}
        </aside>
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <CustomerEngagementCard metrics={engagement.metrics} canRecompute={can(actor, 'metrics:compute')} />
          <CustomerOrdersPanel customerId={customer.id} orders={customer.orders} nextCursor={customer.ordersNextCursor} />
          {!isErased && <CustomerAddressesPanel customerId={customer.id} addresses={customer.addresses} names={addressNames} />}
          <CustomerTimeline events={events.data} names={names} hasMore={events.nextCursor !== null} />
        </div>
      </div>
    </div>
  );
}
