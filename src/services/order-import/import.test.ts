import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getDb, queryRows, type Tx } from '@/db/client';
import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';
import { waitForALockWait } from '@/test/lock-wait';

import { ForbiddenError, ValidationFailedError } from '../errors';
import { computeAllCustomerMetrics, getCustomerEngagement } from '../metrics';
import { createOrder } from '../orders';
import { addCompletedOrder } from '../orders/customer-stats';
import { reconcileCustomerStats } from '../reconcile';
import { importOrders, type ImportSummary } from './import';

withTestDatabase();

// 723 lines cut from the UCI Online Retail sample (see fixtures/README.md).
const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const PLAIN = path.join(FIXTURES, 'online-retail.csv');
// Four invoices of customer 14298 cut from the full UCI file.
const CUSTOMER_14298 = path.join(FIXTURES, 'customer-14298.csv');
const HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';

let admin: Actor;
let workDir: string;
beforeAll(async () => {
  admin = await createStaffActor('admin', 'Ann Admin');
  workDir = await mkdtemp(path.join(tmpdir(), 'order-import-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const run = (file: string, batchSize?: number, holdLines?: number) => importOrders({ actor: admin, path: file, batchSize, holdLines });

interface CustomerState {
  external_id: string;
  name: string;
  email: string | null;
  tags: string[];
  total_spend: number;
  order_count: number;
  first_order_date: string | null;
  last_order_date: string | null;
}

async function customer(externalId: string): Promise<CustomerState> {
  const [row] = await queryRows<CustomerState>(getDb(), sql`
    select external_id, first_name || ' ' || last_name as name, email, tags, total_spend::int as total_spend, order_count,
           to_char(first_order_date at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as first_order_date,
           to_char(last_order_date at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as last_order_date
    from customers where external_id = ${externalId}`);
  return row;
}

async function order(externalId: string) {
  const [row] = await queryRows<{ status: string; total: number; refunded_total: number; item_count: number; placed_at: string; completed_at: string; items: number }>(getDb(), sql`
    select status, total::int as total, refunded_total::int as refunded_total, item_count,
           to_char(placed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as placed_at,
           to_char(completed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as completed_at,
           (select count(*)::int from order_items i where i.order_id = o.id) as items
    from orders o where external_id = ${externalId}`);
  return row;
}

/** What refunds returned of an order's lines (only the lines something came back of), by StockCode. */
async function returnedLines(externalId: string) {
  return queryRows<{ sku: string; bought: number; returned: number; amount: number }>(getDb(), sql`
    select i.sku, i.quantity as bought, sum(ri.quantity)::int as returned, sum(ri.amount)::int as amount
    from orders o
    join order_items i on i.customer_id = o.customer_id and i.order_id = o.id
    join order_refund_items ri on ri.customer_id = i.customer_id and ri.order_id = i.order_id and ri.order_item_id = i.id
    where o.external_id = ${externalId}
    group by i.id, i.sku, i.quantity
    order by i.sku`);
}

/** Everything an import writes, without the ids and order numbers that differ from one import to the next. */
async function snapshot() {
  const db = getDb();
  return {
    customers: await queryRows(db, sql`
      select external_id, first_name, last_name, email, phone, notes, tags, total_spend::text, order_count, first_order_date::text, last_order_date::text
      from customers where external_id is not null order by external_id`),
    orders: await queryRows(db, sql`
      select o.external_id, c.external_id as customer, o.status, o.currency, o.subtotal::text, o.total::text, o.refunded_total::text, o.item_count, o.placed_at::text, o.completed_at::text,
             (select string_agg(i.sku || ' ' || i.name || ' ' || i.quantity || ' ' || i.unit_price || ' ' || i.line_total, '; ' order by i.sku, i.name, i.quantity, i.unit_price)
              from order_items i where i.order_id = o.id) as items
      from orders o join customers c on c.id = o.customer_id where o.external_id is not null order by o.external_id`),
    refunds: await queryRows(db, sql`
      select r.idempotency_key, o.external_id, r.amount::text, r.reason from order_refunds r join orders o on o.id = r.order_id order by r.idempotency_key, o.external_id`),
    refundItems: await queryRows(db, sql`
      select r.idempotency_key, o.external_id, i.sku, i.unit_price::text, i.position, ri.quantity, ri.amount::text
      from order_refund_items ri
      join order_refunds r on r.id = ri.refund_id
      join orders o on o.id = ri.order_id
      join order_items i on i.id = ri.order_item_id
      order by r.idempotency_key, o.external_id, i.position`),
    // An import writes one 'orders.imported' per customer and batch: their sums do not depend on the batching.
    events: await queryRows(db, sql`
      select c.external_id, e.type, case when e.type = 'customer.created' then count(*)::int end as created_entries,
             sum((e.data->>'orders')::int)::int as orders, sum((e.data->>'ordersTotal')::bigint)::text as orders_total,
             sum((e.data->>'refunds')::int)::int as refunds, sum((e.data->>'refunded')::bigint)::text as refunded
      from customer_events e join customers c on c.id = e.customer_id
      where c.external_id is not null group by c.external_id, e.type order by c.external_id, e.type`),
  };
}

/** Removes what the imports wrote, so that another copy of the file can be imported into an empty shop. */
async function removeImported() {
  const db = getDb();
  await db.execute(sql`delete from customer_events where customer_id in (select id from customers where external_id is not null)`);
  await db.execute(sql`delete from orders where customer_id in (select id from customers where external_id is not null)`);
  await db.execute(sql`delete from customers where external_id is not null`);
}

/** What completeOrder writes, in the caller's transaction, so that a test can hold it open. */
async function completeOrderInTx(tx: Tx, orderId: string) {
  const [row] = await queryRows<{ customer_id: string; total: string; placed_at: string }>(tx, sql`
    update orders set status = 'completed', completed_at = now() where id = ${orderId} returning customer_id, total, placed_at`);
  await addCompletedOrder(tx, row.customer_id, Number(row.total), new Date(row.placed_at));
}

describe(`importOrders (${TEST_DB_KIND})`, () => {
  let first: ImportSummary;
  let afterFirst: Awaited<ReturnType<typeof snapshot>>;

  it('imports customers, completed orders and refunds, and counts the lines it skips by reason', async () => {
    first = await run(PLAIN);
    afterFirst = await snapshot();
    expect(first).toEqual({
      file: 'online-retail.csv',
      isGzip: false,
      currency: 'GBP',
      lines: 723,
      customers: { created: 5, found: 0 },
      orders: { imported: 47, alreadyPresent: 0, items: 667, total: 9_097_088 },
      // C541433 refunds 12346's one order; C543611 refunds lines of four of 17850's orders, and three of its lines
      // (£9.46) are of products 17850 never bought in the file.
      refunds: { cancellations: 2, rows: 5, amount: 7_718_360 + 9_312, alreadyRefunded: 0, unmatched: { cancellations: 1, lines: 3, amount: 946 } },
      skipped: { guest: 40, adjustment: 0, zeroQuantity: 0, negativeQuantity: 0, positiveCancellation: 0, unparseable: 0, outOfSequence: 0 },
      problems: [],
      pricesRounded: 0,
      duplicateLines: 4,
    });
  });

  it("gives customer 17850 the stats worked out by hand from the file's lines", async () => {
    // 34 invoices worth £5,391.21. C543611 (10 Feb 2011, £102.58) returns each product from 17850's newest earlier
    // lines of it: 6 × 82483 at £4.95 (4 of 536790, 2 of 536752), 6 × 22632 (536791's 12), 1 × 21871 (536787),
    // 14 × 82494L at £2.55 (6 of 536790, 6 of 536787, 2 of 536752), 2 × 21730 (536790's, bought at £4.25: one
    // credited at £4.25, one at £4.95) and 6 × 21071 (536790). 21874, 71477 and 21169 were never bought: £9.46
    // unmatched. No order comes back whole, so all 34 count, the last one 536791.
    expect(await customer('17850')).toEqual({
      external_id: '17850',
      name: 'Customer 17850',
      email: null,
      tags: ['imported', 'country:GB'],
      total_spend: 539_121 - 9_312,
      order_count: 34,
      first_order_date: '2010-12-01T08:26Z',
      last_order_date: '2010-12-02T15:27Z',
    });
    expect(await order('536790')).toMatchObject({ status: 'partially_refunded', total: 53_201, refunded_total: 1_980 + 1_530 + 425 + 495 + 636 });
    expect(await order('536752')).toMatchObject({ status: 'partially_refunded', refunded_total: 990 + 510 });
    expect(await order('536791')).toMatchObject({ status: 'partially_refunded', total: 4_440, refunded_total: 1_110 });
    expect(await order('536787')).toMatchObject({ status: 'partially_refunded', refunded_total: 106 + 1_530 });
    expect(await returnedLines('536752')).toEqual([
      { sku: '82483', bought: 4, returned: 2, amount: 990 },
      { sku: '82494L', bought: 6, returned: 2, amount: 510 },
    ]);
    expect(await returnedLines('536790')).toEqual([
      { sku: '21071', bought: 12, returned: 6, amount: 636 },
      { sku: '21730', bought: 12, returned: 2, amount: 425 + 495 },
      { sku: '82483', bought: 4, returned: 4, amount: 1_980 },
      { sku: '82494L', bought: 6, returned: 6, amount: 1_530 },
    ]);
    // 6 × £2.55 + 6 × £3.39 + 8 × £2.75 + 6 × £3.39 + 6 × £3.39 + 2 × £7.65 + 6 × £4.25 = £139.12
    expect(await order('536365')).toEqual({ status: 'completed', total: 13_912, refunded_total: 0, item_count: 40, placed_at: '2010-12-01T08:26Z', completed_at: '2010-12-01T08:26Z', items: 7 });
  });

  it('nets customer 12346, who returned all 74,215 jars the same morning, to zero spend over one order', async () => {
    expect(await customer('12346')).toMatchObject({ total_spend: 0, order_count: 1, first_order_date: '2011-01-18T10:01Z', last_order_date: '2011-01-18T10:01Z' });
    expect(await order('541431')).toMatchObject({ status: 'refunded', total: 7_718_360, refunded_total: 7_718_360 });
    const refunds = await queryRows<{ idempotency_key: string; amount: number }>(getDb(), sql`
      select r.idempotency_key, r.amount::int as amount from order_refunds r join orders o on o.id = r.order_id where o.external_id = '541431'`);
    expect(refunds).toEqual([{ idempotency_key: 'import:C541433', amount: 7_718_360 }]);
    expect(await returnedLines('541431')).toEqual([{ sku: '23166', bought: 74_215, returned: 74_215, amount: 7_718_360 }]);
  });

  it('stores UK summer times as UTC and takes the country of a customer’s first line', async () => {
    // 2011-06-09 13:01 in London is British Summer Time.
    expect(await order('556201')).toMatchObject({ placed_at: '2011-06-09T12:01Z', completed_at: '2011-06-09T12:01Z' });
    // 12370 buys from Cyprus first, later from Austria.
    expect((await customer('12370')).tags).toEqual(['imported', 'country:CY']);
    expect((await customer('12347')).tags).toEqual(['imported', 'country:IS']);
  });

  it('leaves stats that reconcile agrees with', async () => {
    const report = await reconcileCustomerStats({ actor: admin });
    expect(report.customersChecked).toBe(5);
    expect(report.driftCount).toBe(0);
  });

  it('records each created customer and what was imported for them on their timeline', async () => {
    const events = await queryRows<{ type: string; actor_type: string; data: unknown }>(getDb(), sql`
      select e.type, e.actor_type, e.data from customer_events e join customers c on c.id = e.customer_id where c.external_id = '17850' order by e.type`);
    expect(events).toEqual([
      { type: 'customer.created', actor_type: 'staff', data: { source: 'online-retail.csv', externalId: '17850' } },
      { type: 'orders.imported', actor_type: 'staff', data: { source: 'online-retail.csv', currency: 'GBP', orders: 34, ordersTotal: 539_121, refunds: 4, refunded: 9_312 } },
    ]);
  });

  it('changes nothing when run again', async () => {
    const again = await run(PLAIN);
    expect(again.customers).toEqual({ created: 0, found: 5 });
    expect(again.orders).toEqual({ imported: 0, alreadyPresent: 47, items: 0, total: 0 });
    expect(again.refunds).toEqual({ cancellations: 0, rows: 0, amount: 0, alreadyRefunded: 2, unmatched: { cancellations: 0, lines: 0, amount: 0 } });
    expect(await snapshot()).toEqual(afterFirst);
  });

  it.each([
    ['a gzip copy (recognised by its bytes, not its name)', 'online-retail.csv.gz', undefined],
    ['a copy with M/D/YYYY H:MM dates', 'online-retail-us-dates.csv', undefined],
    ['the plain file in batches of 3 invoices', 'online-retail.csv', 3],
  ])('imports %s exactly as the plain file', async (_label, fixture, batchSize) => {
    // A short hold lets batches of 3 close within the 723 lines; the file's invoices are contiguous.
    const holdLines = batchSize ? 5 : undefined;
    await removeImported();
    const file = path.join(workDir, `copy-of-${fixture.replace(/\.gz$/, '')}`);
    await copyFile(path.join(FIXTURES, fixture), file);
    const summary = await run(file, batchSize, holdLines);
    expect({ ...summary, file: first.file, isGzip: false }).toEqual(first);
    expect(summary.isGzip).toBe(fixture.endsWith('.gz'));
    expect(await snapshot()).toEqual(afterFirst);
    if (batchSize) {
      // It really went in many transactions: 17850's 35 invoices had one timeline entry per batch.
      const [{ entries }] = await queryRows<{ entries: number }>(getDb(), sql`
        select count(*)::int as entries from customer_events e join customers c on c.id = e.customer_id where c.external_id = '17850' and e.type = 'orders.imported'`);
      expect(entries).toBeGreaterThan(5);
    }
  });

  it('imports once when two imports of the file run at the same time', async () => {
    await removeImported();
    const [a, b] = await Promise.all([run(PLAIN, 10, 5), run(PLAIN, 10, 5)]);
    expect(a.orders.imported + b.orders.imported).toBe(47);
    expect(a.refunds.amount + b.refunds.amount).toBe(first.refunds.amount);
    expect(await snapshot()).toEqual(afterFirst);
  });

  it('keeps an invoice whose lines are interrupted by another invoice as one order', async () => {
    const file = path.join(workDir, 'interleaved.csv');
    await writeFile(
      file,
      [
        HEADER,
        '900001,A1,Mug,1,2011-02-01 11:19:00,2.00,90001.0,United Kingdom',
        '900002,B1,Plate,1,2011-02-01 11:19:00,3.00,90002.0,United Kingdom',
        '900001,A2,Jug,2,2011-02-01 11:20:00,4.00,90001.0,United Kingdom',
      ].join('\n'),
    );
    const summary = await run(file, 1, 5);
    expect(summary.orders.imported).toBe(2);
    expect(await order('900001')).toMatchObject({ total: 1_000, items: 2, placed_at: '2011-02-01T11:19Z' });
  });

  it('skips and reports lines it cannot read or place, with their line numbers', async () => {
    // One-line invoices of another customer: enough for invoice 910001 to close (10 lines on) and go in a batch of 5.
    const filler = Array.from({ length: 30 }, (_, i) => `92${String(i).padStart(4, '0')},F,Filler,1,2011-03-01 10:00:00,1.00,92002.0,United Kingdom`);
    const file = path.join(workDir, 'problems.csv');
    await writeFile(
      file,
      [
        HEADER,
        '910001,A1,Mug,1,2011-03-01 09:00:00,2.00,91001.0,United Kingdom',
        '910001,A1,Mug,1,not a date,2.00,91001.0,United Kingdom',
        '910002,bro"ken,1,2011-03-01 09:00:00,2.00,91001.0,United Kingdom',
        'A910003,B,Bad debt,1,2011-03-01 09:00:00,-50.00,,United Kingdom',
        '910004,A1,Mug,0,2011-03-01 09:00:00,2.00,91001.0,United Kingdom',
        '910005,A1,Mug,1,2011-03-01 09:00:00,0.001,91001.0,United Kingdom',
        ...filler,
        // Invoice 910001 was written with the first batch, while the filler was read.
        '910001,A2,Jug,1,2011-03-01 09:00:00,2.00,91001.0,United Kingdom',
      ].join('\n'),
    );
    const summary = await run(file, 5, 10);
    expect(summary.skipped).toMatchObject({ guest: 0, adjustment: 1, zeroQuantity: 1, unparseable: 2, outOfSequence: 1 });
    expect(summary.problems).toEqual([
      { lineNumber: 3, problem: expect.stringContaining('date "not a date"') },
      { lineNumber: 4, problem: expect.stringContaining('Malformed CSV') },
      { lineNumber: 38, problem: expect.stringContaining('invoice 910001 was already written') },
    ]);
    expect(summary.pricesRounded).toBe(1);
    expect(await order('910005')).toMatchObject({ total: 0, status: 'completed' });
  });

  // One PGlite connection runs one transaction at a time, so only PostgreSQL can interleave the two.
  it.skipIf(TEST_DB_KIND === 'pglite')('keeps a completion that commits while an import batch recomputes the same customer', async () => {
    const seed = path.join(workDir, 'race-seed.csv');
    await writeFile(seed, [HEADER, '930001,A1,Mug,1,2011-04-01 10:00:00,50.00,93001.0,United Kingdom'].join('\n'));
    await run(seed);
    const [{ id: customerId }] = await queryRows<{ id: string }>(getDb(), sql`select id from customers where external_id = '93001'`);
    const shopOrder = await createOrder({ actor: admin, input: { customerId, items: [{ sku: 'S', name: 'Shop order', quantity: 1, unitPrice: 700 }] } });
    const returns = path.join(workDir, 'race-returns.csv');
    await writeFile(returns, [HEADER, 'C930002,A1,Mug,-1,2011-04-02 10:00:00,10.00,93001.0,United Kingdom'].join('\n'));

    let importing: Promise<ImportSummary> | undefined;
    // A completion holds the customer row until it commits; the import's batch reaches the same row meanwhile.
    await getDb().transaction(async (tx) => {
      await completeOrderInTx(tx, shopOrder.id);
      importing = run(returns);
      await waitForALockWait();
    });
    await importing;
    expect(await customer('93001')).toMatchObject({ total_spend: 5_000 - 1_000 + 700, order_count: 2 });
  });

  it('skips a line whose price times quantity is beyond what an amount can hold, and imports the rest', async () => {
    const file = path.join(workDir, 'absurd.csv');
    await writeFile(
      file,
      [HEADER, '940001,A1,Mug,1000000,2011-05-01 10:00:00,90071992547409.91,94001.0,United Kingdom', '940002,A1,Mug,1,2011-05-01 11:00:00,2.00,94001.0,United Kingdom'].join('\n'),
    );
    const summary = await run(file);
    expect(summary.skipped.unparseable).toBe(1);
    expect(summary.problems).toEqual([{ lineNumber: 2, problem: expect.stringContaining('too large') }]);
    expect(await customer('94001')).toMatchObject({ total_spend: 200, order_count: 1 });
  });

  it('refuses a file that is not an invoice-line CSV, a missing file, and a role that cannot refund', async () => {
    const file = path.join(workDir, 'customers.csv');
    await writeFile(file, 'First Name,Last Name,Email\nAda,Lovelace,ada@example.com\n');
    await expect(run(file)).rejects.toThrow(ValidationFailedError);
    await expect(run(path.join(workDir, 'nowhere.csv'))).rejects.toThrow(ValidationFailedError);
    const staff = await createStaffActor('staff', 'Sam Staff');
    await expect(importOrders({ actor: staff, path: PLAIN })).rejects.toThrow(ForbiddenError);
  });

  it("refunds 14298's C580971 from the lines that bought those products, not from the newer 580055", async () => {
    // C580971 (6 Dec 2011) returns 36 + 36 earrings (90058A/B at £0.38) and 250 mug warmers (22313 at £2.55), all
    // bought on 571653 (18 Oct: 72, 72 and 255). 580055 (1 Dec, £637.60 of jumbo bags) has none of them.
    const summary = await run(CUSTOMER_14298);
    expect(summary.refunds).toEqual({ cancellations: 1, rows: 1, amount: 66_486, alreadyRefunded: 0, unmatched: { cancellations: 0, lines: 0, amount: 0 } });
    expect(await order('580055')).toMatchObject({ status: 'completed', total: 63_760, refunded_total: 0 });
    expect(await order('575206')).toMatchObject({ status: 'completed', refunded_total: 0 });
    expect(await order('571653')).toMatchObject({ status: 'partially_refunded', total: 535_568, refunded_total: 66_486 });
    expect(await returnedLines('571653')).toEqual([
      { sku: '22313', bought: 255, returned: 250, amount: 63_750 },
      { sku: '90058A', bought: 72, returned: 36, amount: 1_368 },
      { sku: '90058B', bought: 72, returned: 36, amount: 1_368 },
    ]);
    const stats = await customer('14298');
    expect(stats).toMatchObject({ order_count: 3, total_spend: 535_568 + 129_656 + 63_760 - 66_486, last_order_date: '2011-12-01T13:12Z' });

    await computeAllCustomerMetrics({ actor: admin, asOf: '2011-12-09' });
    const [{ id }] = await queryRows<{ id: string }>(getDb(), sql`select id from customers where external_id = '14298'`);
    const engagement = await getCustomerEngagement({ actor: admin, customerId: id });
    expect(engagement.metrics?.daysSinceLastOrder).toBe(8);
    expect(await reconcileCustomerStats({ actor: admin })).toMatchObject({ driftCount: 0 });
  });
});
