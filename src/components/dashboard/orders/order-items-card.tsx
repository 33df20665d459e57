import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatMoney } from '@/lib/format';
import type { Order } from '@/lib/types';

/** The order's lines and how its total is made up; a refund shows what the shop kept. All amounts are minor units. */
export function OrderItemsCard({ order }: { order: Order }) {
  const money = (minor: number) => formatMoney(minor, order.currency);
  const totals = [
    { label: 'Subtotal', value: money(order.subtotal) },
    ...(order.discountTotal > 0 ? [{ label: order.discountCode ? `Discount (${order.discountCode})` : 'Discount', value: money(-order.discountTotal) }] : []),
    { label: 'Tax', value: money(order.taxTotal) },
    { label: 'Shipping', value: money(order.shippingTotal) },
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Items</CardTitle>
        <span className="text-xs text-slate-500">{order.itemCount === 1 ? '1 item' : `${order.itemCount.toLocaleString('en-GB')} items`}</span>
      </CardHeader>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead scope="col" className="pl-4">Item</TableHead>
            <TableHead scope="col" className="hidden text-right sm:table-cell">Quantity</TableHead>
            <TableHead scope="col" className="hidden text-right sm:table-cell">Unit price</TableHead>
            <TableHead scope="col" className="pr-4 text-right">Total</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {order.items.map((item) => (
            <TableRow key={item.id}>
              <TableCell className="min-w-0 pl-4">
                <span className="block font-medium text-slate-900">{item.name}</span>
                <span className="block text-xs text-slate-500">SKU {item.sku}</span>
                {/* Phones have no room for the quantity and price columns, so they sit under the name. */}
                <span className="block text-xs text-slate-600 sm:hidden">
                  {item.quantity} × {money(item.unitPrice)}
                </span>
              </TableCell>
              <TableCell className="hidden text-right tabular-nums sm:table-cell">{item.quantity.toLocaleString('en-GB')}</TableCell>
              <TableCell className="hidden whitespace-nowrap text-right tabular-nums sm:table-cell">{money(item.unitPrice)}</TableCell>
              <TableCell className="whitespace-nowrap pr-4 text-right tabular-nums text-slate-900">{money(item.lineTotal)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <dl className="space-y-1.5 border-t border-slate-200 px-4 py-3 text-sm">
        {totals.map((row) => (
          <div key={row.label} className="flex justify-between gap-4">
            <dt className="text-slate-600">{row.label}</dt>
            <dd className="tabular-nums text-slate-900">{row.value}</dd>
          </div>
        ))}
        <div className="flex justify-between gap-4 border-t border-slate-100 pt-2 text-base font-semibold">
          <dt className="text-slate-900">Total</dt>
          <dd className="tabular-nums text-slate-900">{money(order.total)}</dd>
        </div>
        {order.refundedTotal > 0 && (
          <>
            <div className="flex justify-between gap-4 text-red-700">
              <dt>Refunded</dt>
              <dd className="tabular-nums">{money(-order.refundedTotal)}</dd>
            </div>
            <div className="flex justify-between gap-4 font-medium">
              <dt className="text-slate-900">Net after refunds</dt>
              <dd className="tabular-nums text-slate-900">{money(order.total - order.refundedTotal)}</dd>
            </div>
          </>
        )}
      </dl>
    </Card>
  );
}
