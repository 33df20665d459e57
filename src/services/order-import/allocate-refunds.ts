/** A cancellation invoice to refund: its amount in minor units, at its time (UTC ms). */
export interface Cancellation {
  invoiceNo: string;
  customerId: string;
  placedAt: number;
  amount: number;
}

/** An order that can still take a refund: what remains of it (total - refunded so far). */
export interface RefundableOrder {
  orderId: string;
  customerId: string;
  placedAt: number;
  remaining: number;
  /** 1 for the customer's newest order, 2 for the one before, …; orders of the same minute are told apart by it. */
  newest: number;
}

export interface RefundAllocation {
  invoiceNo: string;
  customerId: string;
  orderId: string;
  amount: number;
}

export interface AllocationResult {
  allocations: RefundAllocation[];
  /** What could not be placed on any earlier order, per cancellation (returns of purchases made before the file starts). */
  unallocated: { invoiceNo: string; amount: number }[];
}

/**
 * Places each cancellation's amount on the customer's orders placed at or before it, newest first, up to what
 * remains of each; cancellations are taken in time order so an earlier one uses up an order first. The file says
 * which products came back but not from which invoice; the newest purchases are the likeliest source, and
 * refunding whole orders first keeps as many orders intact as possible.
 */
export function allocateRefunds(cancellations: Cancellation[], orders: RefundableOrder[]): AllocationResult {
  const byCustomer = new Map<string, RefundableOrder[]>();
  for (const order of orders) {
    const list = byCustomer.get(order.customerId) ?? [];
    list.push({ ...order });
    byCustomer.set(order.customerId, list);
  }
  for (const list of byCustomer.values()) list.sort((a, b) => a.newest - b.newest);

  const result: AllocationResult = { allocations: [], unallocated: [] };
  const inTimeOrder = [...cancellations].sort((a, b) => a.placedAt - b.placedAt);
  for (const cancellation of inTimeOrder) {
    let left = cancellation.amount;
    for (const order of byCustomer.get(cancellation.customerId) ?? []) {
      if (left === 0) break;
      if (order.placedAt > cancellation.placedAt || order.remaining === 0) continue;
      const amount = Math.min(left, order.remaining);
      order.remaining -= amount;
      left -= amount;
      result.allocations.push({ invoiceNo: cancellation.invoiceNo, customerId: cancellation.customerId, orderId: order.orderId, amount });
    }
    if (left > 0) result.unallocated.push({ invoiceNo: cancellation.invoiceNo, amount: left });
  }
  return result;
}
