import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { OrderActions } from '@/components/dashboard/orders/order-actions';
import { OrderAddressesCard } from '@/components/dashboard/orders/order-addresses-card';
import { OrderDetailsCard } from '@/components/dashboard/orders/order-details-card';
import { OrderItemsCard } from '@/components/dashboard/orders/order-items-card';
import { OrderRefundsCard } from '@/components/dashboard/orders/order-refunds-card';
import { OrderStatusBadge } from '@/components/dashboard/orders/order-status-badge';
import { formatDate, formatMoney } from '@/lib/format';
import { listOrderRefunds } from '@/services/orders';
import { can } from '@/services/permissions';
import { findStaffMemberName } from '@/services/staff';

import { loadOrder } from './load-order';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireStaff();
  return { title: `Order ${(await loadOrder((await params).id)).orderNumber}` };
}

export default async function OrderDetailPage({ params }: Props) {
  const actor = await requireStaff('orders:read');
  const { id } = await params;
  const order = await loadOrder(id);
  const [enteredBy, refunds] = await Promise.all([
    order.createdById ? findStaffMemberName(order.createdById).then((name) => name ?? 'A former staff member') : null,
    listOrderRefunds(order.id),
  ]);
  const abilities = { canComplete: can(actor, 'orders:write'), canCancel: can(actor, 'orders:cancel'), canRefund: can(actor, 'orders:refund') };

  return (
    <div className="mx-auto w-full max-w-6xl space-y-6">
      <Link href="/dashboard/orders" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden />
        Orders
      </Link>
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1.5">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Order {order.orderNumber}</h1>
            <OrderStatusBadge status={order.status} />
          </div>
          <p className="text-sm text-slate-600">
            {formatMoney(order.total, order.currency)}
            {order.customer && <> for {order.customer.name || 'an unnamed customer'}</>}, placed {formatDate(order.placedAt, 'datetime')}
          </p>
        </div>
        <OrderActions order={order} abilities={abilities} />
      </header>
      <div className="grid gap-6 lg:grid-cols-3">
        <aside className="space-y-6 lg:order-last" aria-label="Customer and history">
          <OrderDetailsCard order={order} enteredBy={enteredBy} refunds={refunds} />
          <OrderAddressesCard order={order} />
        </aside>
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <OrderItemsCard order={order} />
          <OrderRefundsCard refunds={refunds} currency={order.currency} />
        </div>
      </div>
    </div>
  );
}
