import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';

import { queryRows, type Tx } from '@/db/client';
import { orderNumberSequence } from '@/db/schema';
import type { Actor } from '@/lib/types';

import { allocateRefunds, type Cancellation, type RefundableLine, type RefundableOrder, type UnmatchedPart } from './allocate-refunds';
import { countryCodeFromName } from './country';
import type { Invoice } from './invoices';
import { recomputeCustomerStats } from './recompute-stats';

/** What one batch changed; the import adds these up. */
export interface BatchResult {
  customersCreated: number;
  /** External ids of the batch's customers that exist now (created or found). */
  customerExternalIds: string[];
  ordersImported: number;
  ordersAlreadyPresent: number;
  itemsImported: number;
  importedTotal: number;
  cancellationsRefunded: number;
  cancellationsAlreadyRefunded: number;
  refundRows: number;
  refundedAmount: number;
  /** Cancellations with a part that matched no earlier purchase of its product, those lines, and their amount. */
  unmatchedCancellations: number;
  unmatchedLines: number;
  unmatchedAmount: number;
}

export interface BatchContext {
  actor: Actor;
  currency: string;
  /** The file's name, for the timeline. */
  source: string;
}

export const IMPORTED_TAG = 'imported';


// Pass rows as one JSON parameter: one round trip whatever the batch size, and no SQL text built from data.
const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

const refundKey = (invoiceNo: string) => `import:${invoiceNo}`;

/**
 * Customers are found by external id or created. Created ones have no email or phone (the file has none): the
 * "email or phone" rule is for people typing a customer in, and the database accepts an external id instead.
 */
async function upsertCustomers(tx: Tx, invoices: Invoice[], context: BatchContext): Promise<{ ids: Map<string, string>; created: number }> {
  const firstSeen = new Map<string, Invoice>();
  const buyers = new Set<string>();
  for (const invoice of invoices) {
    if (!firstSeen.has(invoice.customerExternalId)) firstSeen.set(invoice.customerExternalId, invoice);
    if (invoice.kind === 'sale') buyers.add(invoice.customerExternalId);
  }
  // Only a customer who bought something is created; a cancellation alone has no order to refund. The country is
  // the one of the customer's first line (8 customers of the UCI file appear under two).
  const toCreate = [...buyers].map((externalId) => {
    const { country } = firstSeen.get(externalId)!;
    const code = countryCodeFromName(country);
    return {
      external_id: externalId,
      notes: `Imported from order history: customer ${externalId}${country ? `, ${country}` : ''}.`,
      tags: code ? [IMPORTED_TAG, `country:${code}`] : [IMPORTED_TAG],
    };
  });
  // The timeline shows a customer created by the system as "Imported".
  const created = await queryRows<{ id: string }>(tx, sql`
    with created as (
      insert into customers (first_name, last_name, notes, tags, external_id)
      select 'Customer', r.external_id, r.notes, array(select jsonb_array_elements_text(r.tags)), r.external_id
      from jsonb_to_recordset(${json(toCreate)}) as r(external_id text, notes text, tags jsonb)
      on conflict (external_id) do nothing
      returning id, external_id
    ),
    events as (
      insert into customer_events (customer_id, type, actor_type, actor_id, data)
      select id, 'customer.created', ${context.actor.type}, ${context.actor.id}, jsonb_build_object('source', ${context.source}::text, 'externalId', external_id)
      from created
    )
    select id from created`);
  const rows = await queryRows<{ id: string; external_id: string }>(tx, sql`
    select c.id, c.external_id from customers c
    where c.external_id in (select jsonb_array_elements_text(${json([...firstSeen.keys()])}))`);
  return { ids: new Map(rows.map((row) => [row.external_id, row.id])), created: created.length };
}

/** Inserts the sale invoices that are not there yet as completed orders, then their items: two statements a batch. */
async function insertOrders(tx: Tx, invoices: Invoice[], ids: Map<string, string>, currency: string) {
  const sales = new Map(invoices.filter((invoice) => invoice.kind === 'sale' && ids.has(invoice.customerExternalId)).map((invoice) => [invoice.invoiceNo, invoice]));
  const payload = [...sales.values()].map((invoice, seq) => ({
    seq,
    external_id: invoice.invoiceNo,
    customer_id: ids.get(invoice.customerExternalId),
    placed_at: new Date(invoice.placedAt).toISOString(),
    subtotal: invoice.items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0),
    item_count: invoice.items.reduce((sum, item) => sum + item.quantity, 0),
  }));
  // Orders already imported are left out before nextval, so a re-run does not burn order numbers; ON CONFLICT
  // covers a concurrent import. Numbers follow the file's order. An imported order is completed when placed.
  const created = await queryRows<{ customer_id: string; id: string; external_id: string; total: string | number }>(tx, sql`
    insert into orders (customer_id, order_number, status, currency, subtotal, total, item_count, placed_at, completed_at, external_id)
    select r.customer_id, '#' || nextval(${orderNumberSequence.seqName ?? 'order_number_seq'}::regclass), 'completed', ${currency},
           r.subtotal, r.subtotal, r.item_count, r.placed_at, r.placed_at, r.external_id
    from jsonb_to_recordset(${json(payload)}) as r(seq int, external_id text, customer_id uuid, placed_at timestamptz, subtotal bigint, item_count int)
    where not exists (select 1 from orders o where o.external_id = r.external_id)
    order by r.seq
    on conflict (external_id) do nothing
    returning customer_id, id, external_id, total`);
  // The items go in a statement of their own: joining them to the rows an INSERT returns leaves the planner
  // blind to their number, and it picked a nested loop that grew with the square of the batch.
  const items = created.flatMap((order) =>
    sales.get(order.external_id)!.items.map((item, position) => ({ customer_id: order.customer_id, order_id: order.id, sku: item.sku, name: item.name, quantity: item.quantity, unit_price: item.unitPrice, position })),
  );
  if (items.length > 0) {
    await tx.execute(sql`
      insert into order_items (customer_id, order_id, sku, name, quantity, unit_price, line_total, position)
      select i.customer_id, i.order_id, i.sku, i.name, i.quantity, i.unit_price, i.unit_price * i.quantity, i.position
      from jsonb_to_recordset(${json(items)}) as i(customer_id uuid, order_id uuid, sku text, name text, quantity int, unit_price bigint, position int)`);
  }
  return {
    offered: payload.length,
    rows: created.map((row) => ({ customerId: row.customer_id, total: Number(row.total), items: sales.get(row.external_id)!.items.length })),
  };
}

/**
 * Turns the cancellation invoices into refunds of the lines the customer bought those products on (allocate-refunds.ts),
 * each refund row with the order items it returned. A cancellation already refunded (its idempotency key is on a
 * refund row) is left alone, so a re-run refunds nothing twice.
 */
async function refundCancellations(tx: Tx, invoices: Invoice[], ids: Map<string, string>, actor: Actor) {
  const all: Cancellation[] = invoices
    .filter((invoice) => invoice.kind === 'cancellation')
    .map((invoice) => ({
      invoiceNo: invoice.invoiceNo,
      customerId: ids.get(invoice.customerExternalId) ?? '',
      placedAt: invoice.placedAt,
      lines: invoice.items.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice })),
    }));
  const known = all.filter((cancellation) => cancellation.customerId !== '');
  const done = new Set(
    (
      await queryRows<{ key: string }>(tx, sql`
        select distinct r.idempotency_key as key
        from order_refunds r
        join jsonb_to_recordset(${json(known.map((c) => ({ customer_id: c.customerId, key: refundKey(c.invoiceNo) })))}) as k(customer_id uuid, key text)
          on r.customer_id = k.customer_id and r.idempotency_key = k.key`)
    ).map((row) => row.key),
  );
  const pending = known.filter((cancellation) => !done.has(refundKey(cancellation.invoiceNo)));
  // A customer who only returned things was not created: all of it is unmatched.
  const noCustomer: UnmatchedPart[] = all
    .filter((c) => c.customerId === '')
    .flatMap((c) => c.lines.map((line) => ({ invoiceNo: c.invoiceNo, sku: line.sku, quantity: line.quantity, amount: line.quantity * line.unitPrice })));
  const alreadyRefunded = known.length - pending.length;
  if (pending.length === 0) return { applied: [], cancellationsRefunded: 0, cancellationsAlreadyRefunded: alreadyRefunded, unmatched: noCustomer };

  const upTo = new Map<string, number>();
  for (const c of pending) upTo.set(c.customerId, Math.max(upTo.get(c.customerId) ?? 0, c.placedAt));
  // Locked, so a refund made in the dashboard meanwhile cannot take the same remainder. `newest` is 1 for a
  // customer's newest order; orders of the same minute rank by order number, i.e. in file order.
  const refundable = await queryRows<{ id: string; customer_id: string; placed_at: string | Date; remaining: string | number; newest: number }>(tx, sql`
    select id, customer_id, placed_at, remaining,
           (row_number() over (partition by customer_id order by placed_at desc, length(order_number) desc, order_number desc, id))::int as newest
    from (
      select o.id, o.customer_id, o.placed_at, o.order_number, o.total - o.refunded_total as remaining
      from orders o
      join jsonb_to_recordset(${json([...upTo].map(([customerId, at]) => ({ customer_id: customerId, up_to: new Date(at).toISOString() })))}) as w(customer_id uuid, up_to timestamptz)
        on o.customer_id = w.customer_id and o.placed_at <= w.up_to
      where o.status in ('completed', 'partially_refunded') and o.refunded_total < o.total
      for update of o
    ) refundable`);
  const orders: RefundableOrder[] = refundable.map((row) => ({ orderId: row.id, customerId: row.customer_id, placedAt: new Date(row.placed_at).getTime(), remaining: Number(row.remaining), newest: row.newest }));
  const products = new Map(pending.flatMap((c) => c.lines.map((line) => [`${c.customerId} ${line.sku}`, { customer_id: c.customerId, sku: line.sku }] as const)));
  // The lines of those products, less what earlier refunds returned of them. Only lines of the orders locked above
  // are used; the lock on an order covers its items.
  const lineRows = await queryRows<{ id: string; order_id: string; sku: string; unit_price: string | number; position: number; remaining_quantity: number; remaining_amount: string | number }>(tx, sql`
    select i.id, i.order_id, i.sku, i.unit_price, i.position,
           (i.quantity - coalesce(sum(r.quantity), 0))::int as remaining_quantity,
           i.line_total - coalesce(sum(r.amount), 0) as remaining_amount
    from order_items i
    join jsonb_to_recordset(${json([...products.values()])}) as w(customer_id uuid, sku text)
      on i.customer_id = w.customer_id and i.sku = w.sku
    left join order_refund_items r on r.customer_id = i.customer_id and r.order_id = i.order_id and r.order_item_id = i.id
    group by i.customer_id, i.order_id, i.id`);
  const lines: RefundableLine[] = lineRows.map((row) => ({
    orderItemId: row.id,
    orderId: row.order_id,
    sku: row.sku,
    unitPrice: Number(row.unit_price),
    position: row.position,
    remainingQuantity: row.remaining_quantity,
    remainingAmount: Number(row.remaining_amount),
  }));
  const { allocations, unmatched } = allocateRefunds(pending, orders, lines);

  // Refund rows get their ids here, so that their items can name them in the same statement.
  const refunds = allocations.map((a) => ({ ...a, id: randomUUID() }));
  const applied = await queryRows<{ customer_id: string; amount: string | number }>(tx, sql`
    with allocation as (
      select * from jsonb_to_recordset(${json(refunds.map((a) => ({ id: a.id, customer_id: a.customerId, order_id: a.orderId, amount: a.amount, key: refundKey(a.invoiceNo), reason: `Cancellation ${a.invoiceNo} (imported)` })))})
        as a(id uuid, customer_id uuid, order_id uuid, amount bigint, key text, reason text)
    ),
    inserted as (
      insert into order_refunds (customer_id, order_id, id, amount, reason, idempotency_key, created_by_id)
      select customer_id, order_id, id, amount, reason, key, ${actor.id} from allocation
      on conflict (order_id, idempotency_key) do nothing
      returning customer_id, order_id, id, amount
    ),
    items as (
      insert into order_refund_items (customer_id, order_id, refund_id, order_item_id, quantity, amount)
      select i.customer_id, i.order_id, i.refund_id, i.order_item_id, i.quantity, i.amount
      from jsonb_to_recordset(${json(refunds.flatMap((a) => a.items.map((item) => ({ customer_id: a.customerId, order_id: a.orderId, refund_id: a.id, order_item_id: item.orderItemId, quantity: item.quantity, amount: item.amount }))))})
        as i(customer_id uuid, order_id uuid, refund_id uuid, order_item_id uuid, quantity int, amount bigint)
      join inserted r on r.customer_id = i.customer_id and r.order_id = i.order_id and r.id = i.refund_id
    ),
    per_order as (select customer_id, order_id, sum(amount) as amount from inserted group by customer_id, order_id),
    updated as (
      update orders o
      set refunded_total = o.refunded_total + p.amount,
          status = case when o.refunded_total + p.amount = o.total then 'refunded' else 'partially_refunded' end,
          updated_at = now()
      from per_order p
      where o.customer_id = p.customer_id and o.id = p.order_id
      returning o.id
    )
    select customer_id, amount from inserted`);

  return {
    applied: applied.map((row) => ({ customerId: row.customer_id, amount: Number(row.amount) })),
    cancellationsRefunded: new Set(allocations.map((a) => a.invoiceNo)).size,
    cancellationsAlreadyRefunded: alreadyRefunded,
    unmatched: [...noCustomer, ...unmatched],
  };
}

/** Writes one batch of invoices in the caller's transaction: customers, orders, refunds, stats, timeline. */
export async function writeInvoiceBatch(tx: Tx, invoices: Invoice[], context: BatchContext): Promise<BatchResult> {
  // Two imports at once would both see a cancellation as not yet refunded and could place it on different orders;
  // batches of all imports take turns instead. The lock ends with the transaction.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('order-import'))`);
  const { ids, created } = await upsertCustomers(tx, invoices, context);
  const orders = await insertOrders(tx, invoices, ids, context.currency);
  const refunds = await refundCancellations(tx, invoices, ids, context.actor);

  // One timeline entry per customer and batch, written with the change it describes.
  const perCustomer = new Map<string, { orders: number; ordersTotal: number; refunds: number; refunded: number }>();
  const entry = (customerId: string) => {
    let value = perCustomer.get(customerId);
    if (!value) perCustomer.set(customerId, (value = { orders: 0, ordersTotal: 0, refunds: 0, refunded: 0 }));
    return value;
  };
  for (const order of orders.rows) {
    entry(order.customerId).orders += 1;
    entry(order.customerId).ordersTotal += order.total;
  }
  for (const refund of refunds.applied) {
    entry(refund.customerId).refunds += 1;
    entry(refund.customerId).refunded += refund.amount;
  }
  const touched = [...perCustomer.keys()];
  await recomputeCustomerStats(tx, touched);
  const events = [...perCustomer].map(([customerId, counts]) => ({ customer_id: customerId, data: { source: context.source, currency: context.currency, ...counts } }));
  await tx.execute(sql`
    insert into customer_events (customer_id, type, actor_type, actor_id, data)
    select e.customer_id, 'orders.imported', ${context.actor.type}, ${context.actor.id}, e.data
    from jsonb_to_recordset(${json(events)}) as e(customer_id uuid, data jsonb)`);

  return {
    customersCreated: created,
    customerExternalIds: [...ids.keys()],
    ordersImported: orders.rows.length,
    ordersAlreadyPresent: orders.offered - orders.rows.length,
    itemsImported: orders.rows.reduce((sum, order) => sum + order.items, 0),
    importedTotal: orders.rows.reduce((sum, order) => sum + order.total, 0),
    cancellationsRefunded: refunds.cancellationsRefunded,
    cancellationsAlreadyRefunded: refunds.cancellationsAlreadyRefunded,
    refundRows: refunds.applied.length,
    refundedAmount: refunds.applied.reduce((sum, refund) => sum + refund.amount, 0),
    unmatchedCancellations: new Set(refunds.unmatched.map((part) => part.invoiceNo)).size,
    unmatchedLines: refunds.unmatched.length,
    unmatchedAmount: refunds.unmatched.reduce((sum, part) => sum + part.amount, 0),
  };
}
