/** One line of a cancellation invoice: what came back (quantity positive, unit price in minor units). */
export interface CancellationLine {
  sku: string;
  quantity: number;
  unitPrice: number;
}

/** A cancellation invoice to refund, at its time (UTC ms), its lines in file order. */
export interface Cancellation {
  invoiceNo: string;
  customerId: string;
  placedAt: number;
  lines: CancellationLine[];
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

/** An order line that can still be returned: what of it has not come back yet. */
export interface RefundableLine {
  orderItemId: string;
  orderId: string;
  sku: string;
  unitPrice: number;
  /** The line's place in its order; lines of one order are taken in this order. */
  position: number;
  remainingQuantity: number;
  remainingAmount: number;
}

/** What one cancellation refunds of one order, line by line (each line once, its pieces added up). */
export interface RefundAllocation {
  invoiceNo: string;
  customerId: string;
  orderId: string;
  amount: number;
  items: { orderItemId: string; quantity: number; amount: number }[];
}

/** The part of a cancellation line that no earlier purchase of its product takes, and the money it stands for. */
export interface UnmatchedPart {
  invoiceNo: string;
  sku: string;
  quantity: number;
  amount: number;
}

export interface AllocationResult {
  allocations: RefundAllocation[];
  unmatched: UnmatchedPart[];
}

interface Candidate extends RefundableLine {
  order: RefundableOrder;
}

/**
 * Refunds each cancellation line from the customer's earlier lines of the same StockCode: lines at the same unit
 * price first, then the others, each group newest order first, up to what remains of each line (quantity and
 * amount) and of its order. A return is of something bought, so a product nobody bought before is never refunded
 * from unrelated orders: it is reported as unmatched. Cancellations are taken in time order, so an earlier one
 * uses a line up first. A piece is worth its quantity at the cancellation's price (what the shop credited),
 * capped by what remains of the line and the order; what a cap cuts off is unmatched money.
 */
export function allocateRefunds(cancellations: Cancellation[], orders: RefundableOrder[], lines: RefundableLine[]): AllocationResult {
  const ordersById = new Map(orders.map((order) => [order.orderId, { ...order }]));
  // Candidates per customer and product, newest order first, then in the order's line order.
  const bySku = new Map<string, Candidate[]>();
  const skuKey = (customerId: string, sku: string) => `${customerId}\u0001${sku}`;
  for (const line of lines) {
    const order = ordersById.get(line.orderId);
    if (!order) continue;
    const key = skuKey(order.customerId, line.sku);
    const list = bySku.get(key) ?? [];
    list.push({ ...line, order });
    bySku.set(key, list);
  }
  for (const list of bySku.values()) list.sort((a, b) => a.order.newest - b.order.newest || a.position - b.position);

  const result: AllocationResult = { allocations: [], unmatched: [] };
  const inTimeOrder = [...cancellations].sort((a, b) => a.placedAt - b.placedAt);
  for (const cancellation of inTimeOrder) {
    const perOrder = new Map<string, RefundAllocation>();
    for (const { sku, quantity, unitPrice } of cancellation.lines) {
      let quantityLeft = quantity;
      let cutOff = 0;
      const candidates = (bySku.get(skuKey(cancellation.customerId, sku)) ?? []).filter((line) => line.order.placedAt <= cancellation.placedAt);
      const samePriceFirst = [...candidates.filter((line) => line.unitPrice === unitPrice), ...candidates.filter((line) => line.unitPrice !== unitPrice)];
      for (const line of samePriceFirst) {
        // A free cancellation line credits nothing, so it has nothing to refund.
        if (quantityLeft === 0 || unitPrice === 0) break;
        if (line.remainingQuantity === 0 || line.remainingAmount === 0 || line.order.remaining === 0) continue;
        const pieceQuantity = Math.min(quantityLeft, line.remainingQuantity);
        const credited = pieceQuantity * unitPrice;
        const amount = Math.min(credited, line.remainingAmount, line.order.remaining);
        line.remainingQuantity -= pieceQuantity;
        line.remainingAmount -= amount;
        line.order.remaining -= amount;
        quantityLeft -= pieceQuantity;
        cutOff += credited - amount;
        addPiece(perOrder, cancellation, line, pieceQuantity, amount);
      }
      if (quantityLeft > 0 || cutOff > 0) result.unmatched.push({ invoiceNo: cancellation.invoiceNo, sku, quantity: quantityLeft, amount: quantityLeft * unitPrice + cutOff });
    }
    result.allocations.push(...perOrder.values());
  }
  return result;
}

function addPiece(perOrder: Map<string, RefundAllocation>, cancellation: Cancellation, line: Candidate, quantity: number, amount: number): void {
  let allocation = perOrder.get(line.orderId);
  if (!allocation) {
    allocation = { invoiceNo: cancellation.invoiceNo, customerId: cancellation.customerId, orderId: line.orderId, amount: 0, items: [] };
    perOrder.set(line.orderId, allocation);
  }
  allocation.amount += amount;
  const item = allocation.items.find((existing) => existing.orderItemId === line.orderItemId);
  if (item) {
    item.quantity += quantity;
    item.amount += amount;
  } else {
    allocation.items.push({ orderItemId: line.orderItemId, quantity, amount });
  }
}
