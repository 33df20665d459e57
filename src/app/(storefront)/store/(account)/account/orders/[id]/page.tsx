import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireCustomer } from '@/auth/require-customer';
import { StoreOrderStatusBadge } from '@/components/store/account/order-status-badge';
import { addressLines, sameAddress } from '@/lib/address-lines';
import { formatDate, formatMoney } from '@/lib/format';
import type { OrderAddress, StoreOrder } from '@/lib/types';

import { loadStoreOrder } from './load-store-order';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireCustomer();
  return { title: `Order ${(await loadStoreOrder(actor.id, (await params).id)).orderNumber}` };
}

export default async function StoreOrderPage({ params }: Props) {
  const actor = await requireCustomer();
  const order = await loadStoreOrder(actor.id, (await params).id);
  const money = (amount: number) => formatMoney(amount, order.currency);

  return (
    <div className="space-y-6">
      <Link href="/store/account/orders" className="inline-flex h-9 items-center gap-1 rounded-sm text-sm text-stone-600 hover:text-stone-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-emerald-700">
        <ArrowLeft className="size-4" aria-hidden />
        All orders
      </Link>
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Order {order.orderNumber}</h1>
          <StoreOrderStatusBadge status={order.status} />
        </div>
        <p className="text-sm text-stone-600">
          Placed <time dateTime={order.placedAt}>{formatDate(order.placedAt, 'datetime')}</time> · {money(order.total)}
        </p>
      </header>

      <div className="grid gap-6 md:grid-cols-3">
        <section aria-labelledby="items-heading" className="min-w-0 rounded-lg border border-stone-200 bg-white md:col-span-2">
          <h2 id="items-heading" className="border-b border-stone-100 px-4 py-3 font-semibold text-stone-900">
            Items ({order.itemCount})
          </h2>
          <ul className="divide-y divide-stone-100">
            {order.items.map((item) => (
              <li key={item.id} className="flex items-start justify-between gap-4 px-4 py-3">
                <div className="min-w-0">
                  <p className="font-medium text-stone-900">{item.name}</p>
                  <p className="text-sm text-stone-600">
                    {item.quantity} × {money(item.unitPrice)}
                  </p>
                  {item.sku && <p className="text-xs text-stone-500">Item code {item.sku}</p>}
                </div>
                <p className="shrink-0 font-medium tabular-nums text-stone-900">{money(item.lineTotal)}</p>
              </li>
            ))}
          </ul>
          <Totals order={order} money={money} />
        </section>

        <div className="space-y-6">
          <section aria-labelledby="addresses-heading" className="rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="addresses-heading" className="font-semibold text-stone-900">
              Addresses
            </h2>
            {order.shippingAddress || order.billingAddress ? (
              <div className="mt-3 grid gap-4 text-sm sm:grid-cols-2 md:grid-cols-1">
                <StoreAddress label="Delivery" address={order.shippingAddress} />
                <StoreAddress label="Billing" address={order.billingAddress} same={Boolean(order.billingAddress) && sameAddress(order.billingAddress, order.shippingAddress)} />
              </div>
            ) : (
              <p className="mt-2 text-sm text-stone-600">No address recorded for this order.</p>
            )}
          </section>
          <section aria-labelledby="history-heading" className="h-fit rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="history-heading" className="font-semibold text-stone-900">
              What happened
            </h2>
            <ol className="mt-3 space-y-3 text-sm">
              <Step label="Placed" at={order.placedAt} />
              {order.completedAt && <Step label="Completed" at={order.completedAt} />}
              {order.cancelledAt && <Step label="Cancelled" at={order.cancelledAt} />}
              {order.status === 'pending' && <li className="text-stone-600">We are preparing your order.</li>}
              {order.refundedTotal > 0 && <li className="text-stone-600">{money(order.refundedTotal)} refunded to you.</li>}
            </ol>
          </section>
        </div>
      </div>
    </div>
  );
}

function Totals({ order, money }: { order: StoreOrder; money: (amount: number) => string }) {
  const rows: { label: string; value: string }[] = [{ label: 'Subtotal', value: money(order.subtotal) }];
  if (order.discountTotal > 0) rows.push({ label: order.discountCode ? `Discount (${order.discountCode})` : 'Discount', value: `−${money(order.discountTotal)}` });
  rows.push({ label: 'Shipping', value: order.shippingTotal > 0 ? money(order.shippingTotal) : 'Free' });
  if (order.taxTotal > 0) rows.push({ label: 'Tax', value: money(order.taxTotal) });
  return (
    <dl className="space-y-1.5 border-t border-stone-200 bg-stone-50/60 px-4 py-3 text-sm">
      {rows.map((row) => (
        <div key={row.label} className="flex justify-between gap-4">
          <dt className="text-stone-600">{row.label}</dt>
          <dd className="tabular-nums text-stone-900">{row.value}</dd>
        </div>
      ))}
      <div className="flex justify-between gap-4 border-t border-stone-200 pt-2 text-base font-semibold">
        <dt className="text-stone-900">Total</dt>
        <dd className="tabular-nums text-stone-900">{money(order.total)}</dd>
      </div>
      {order.refundedTotal > 0 && (
        <div className="flex justify-between gap-4">
          <dt className="text-stone-600">Refunded</dt>
          <dd className="tabular-nums text-stone-900">−{money(order.refundedTotal)}</dd>
        </div>
      )}
    </dl>
  );
}

function Step({ label, at }: { label: string; at: string }) {
  return (
    <li className="flex justify-between gap-3">
      <span className="text-stone-600">{label}</span>
      <time dateTime={at} className="text-right text-stone-900">
        {formatDate(at, 'datetime')}
      </time>
    </li>
  );
}

function StoreAddress({ label, address, same = false }: { label: string; address: OrderAddress | null; same?: boolean }) {
  return (
    <div className="min-w-0">
      <h3 className="font-medium text-stone-900">{label}</h3>
      {!address ? (
        <p className="mt-1 text-stone-600">No address recorded</p>
      ) : same ? (
        <p className="mt-1 text-stone-600">Same as delivery</p>
      ) : (
        <address className="mt-1 break-words not-italic leading-6 text-stone-700">
          {addressLines(address).map((line, index) => (
            <span key={index} className="block">
              {line}
            </span>
          ))}
        </address>
      )}
    </div>
  );
}
