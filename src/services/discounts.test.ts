import { beforeAll, describe, expect, it } from 'vitest';

import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { findCustomerGroupByName } from './customer-groups';
import { createCustomer, updateCustomer } from './customers';
import { checkDiscountEligibility, createDiscount, deleteDiscount, getDiscount, listDiscounts, listEligibleDiscounts, updateDiscount } from './discounts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from './errors';
import { cancelOrder, createOrder } from './orders';

withTestDatabase();

let staff: Actor;
let admin: Actor;
let vip: string;
let wholesaler: string;
let retail: string;
beforeAll(async () => {
  staff = await createStaffActor('staff', 'Sam Staff');
  admin = await createStaffActor('admin', 'Ann Admin');
  vip = (await findCustomerGroupByName('VIP'))!.id;
  wholesaler = (await findCustomerGroupByName('Wholesaler'))!.id;
  retail = (await findCustomerGroupByName('Retail'))!.id;
});

function newCustomer(customerGroupId: string | null = null) {
  return createCustomer({ actor: staff, input: { firstName: 'Buyer', email: `${crypto.randomUUID()}@example.com`, customerGroupId } });
}

let codes = 0;
function newDiscount(input: Partial<Parameters<typeof createDiscount>[0]['input']> = {}) {
  codes += 1;
  return createDiscount({ actor: admin, input: { code: `TEST${codes}`, kind: 'percentage', value: 10, ...input } });
}

function order(customerId: string, discountCode: string, unitPrice = 10_000) {
  return createOrder({ actor: staff, input: { customerId, items: [{ sku: 'MUG', name: 'Mug', quantity: 1, unitPrice }], discountCode } });
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => undefined, (e: unknown) => e);
}

describe(`createDiscount / updateDiscount / deleteDiscount (${TEST_DB_KIND})`, () => {
  it('stores a trimmed upper-case code, a percentage as entered and its target groups by name', async () => {
    const discount = await createDiscount({ actor: admin, input: { code: '  summer-12 ', kind: 'percentage', value: 12.5, customerGroupIds: [wholesaler, vip] } });
    expect(discount).toMatchObject({ code: 'SUMMER-12', kind: 'percentage', value: 12.5, timesUsed: 0, active: true, version: 1 });
    expect(discount.customerGroups.map((g) => g.name)).toEqual(['VIP', 'Wholesaler']);
    expect(await getDiscount({ id: discount.id })).toEqual(discount);
  });

  it('names the field: code taken in another case, bad characters, a percentage over 100, a fractional fixed amount, an end before the start', async () => {
    await newDiscount({ code: 'TAKEN' });
    const fieldOf = async (input: Parameters<typeof createDiscount>[0]['input']) => {
      const error = await errorOf(createDiscount({ actor: admin, input }));
      expect(error).toBeInstanceOf(ValidationFailedError);
      return (error as ValidationFailedError).fieldErrors?.[0]?.path;
    };
    const taken = await errorOf(createDiscount({ actor: admin, input: { code: 'taken', kind: 'fixed_amount', value: 500 } }));
    expect(taken).toBeInstanceOf(ConflictError);
    expect((taken as ConflictError).fieldErrors?.[0]?.path).toBe('code');
    expect(await fieldOf({ code: 'TEN OFF', kind: 'percentage', value: 10 })).toBe('code');
    expect(await fieldOf({ code: 'BIG', kind: 'percentage', value: 101 })).toBe('value');
    expect(await fieldOf({ code: 'FRAC', kind: 'fixed_amount', value: 4.99 })).toBe('value');
    expect(await fieldOf({ code: 'WIN', kind: 'percentage', value: 5, startsAt: '2026-02-01', endsAt: '2026-01-01' })).toBe('endsAt');
    expect(await fieldOf({ code: 'GROUP', kind: 'percentage', value: 5, customerGroupIds: [crypto.randomUUID()] })).toBe('customerGroupIds');
  });

  it('lets only owners and admins manage discounts', async () => {
    await expect(createDiscount({ actor: staff, input: { code: 'STAFF', kind: 'percentage', value: 5 } })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('updates only the fields sent, refuses a stale version, and replaces the targets', async () => {
    const discount = await newDiscount({ customerGroupIds: [vip], minSubtotal: 5000 });
    const updated = await updateDiscount({ actor: admin, id: discount.id, input: { value: 15, customerGroupIds: [retail], version: 1 } });
    expect(updated).toMatchObject({ value: 15, minSubtotal: 5000, version: 2, customerGroups: [{ id: retail, name: 'Retail' }] });
    await expect(updateDiscount({ actor: admin, id: discount.id, input: { active: false, version: 1 } })).rejects.toBeInstanceOf(ConflictError);
    // A new kind is checked with the value it will have: 15 is fine as a percentage, 15 pence is fine as a fixed amount.
    const fixed = await updateDiscount({ actor: admin, id: discount.id, input: { kind: 'fixed_amount', value: 250 } });
    expect(fixed).toMatchObject({ kind: 'fixed_amount', value: 250, version: 3 });
    await expect(updateDiscount({ actor: admin, id: discount.id, input: { kind: 'percentage' } })).rejects.toBeInstanceOf(ValidationFailedError);
  });

  it('deletes an unused discount but refuses a redeemed one, suggesting to deactivate it', async () => {
    const unused = await newDiscount();
    await deleteDiscount({ actor: admin, id: unused.id });
    await expect(getDiscount({ id: unused.id })).rejects.toBeInstanceOf(NotFoundError);
    const used = await newDiscount();
    await order((await newCustomer()).id, used.code);
    const error = await errorOf(deleteDiscount({ actor: admin, id: used.id }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/used once.*deactivate it instead/);
  });

  it('lists by code, keyset-paged', async () => {
    const first = await listDiscounts({ limit: 2 });
    const second = await listDiscounts({ limit: 2, cursor: first.nextCursor });
    expect(first.data).toHaveLength(2);
    expect(second.data[0].code > first.data[1].code).toBe(true);
  });
});

describe(`checkDiscountEligibility (${TEST_DB_KIND})`, () => {
  const at = new Date('2026-06-15T12:00:00Z');
  const check = async (discountId: string, customerId: string, subtotal?: number) => checkDiscountEligibility({ discountId, customerId, subtotal, at });

  it('is eligible with a reason naming the value and the groups', async () => {
    const customer = await newCustomer(vip);
    expect(await check((await newDiscount({ customerGroupIds: [vip] })).id, customer.id)).toEqual({ eligible: true, reason: 'Eligible: 10% off for VIP customers' });
    expect(await check((await newDiscount({ kind: 'fixed_amount', value: 500 })).id, customer.id)).toEqual({ eligible: true, reason: 'Eligible: £5.00 off for everyone' });
  });

  it('refuses another group, naming the groups it is for', async () => {
    const discount = await newDiscount({ customerGroupIds: [wholesaler, vip] });
    expect(await check(discount.id, (await newCustomer(retail)).id)).toEqual({ eligible: false, reason: 'Only for VIP or Wholesaler customers' });
    expect(await check(discount.id, (await newCustomer(null)).id)).toEqual({ eligible: false, reason: 'Only for VIP or Wholesaler customers' });
  });

  it('follows a group change at once', async () => {
    const discount = await newDiscount({ customerGroupIds: [wholesaler] });
    const customer = await newCustomer(retail);
    expect((await check(discount.id, customer.id)).reason).toBe('Only for Wholesaler customers');
    await updateCustomer({ actor: staff, id: customer.id, input: { customerGroupId: wholesaler } });
    expect(await check(discount.id, customer.id)).toEqual({ eligible: true, reason: 'Eligible: 10% off for Wholesaler customers' });
  });

  it('refuses before the start and after the end, with the date', async () => {
    const customer = await newCustomer();
    expect((await check((await newDiscount({ startsAt: '2026-07-01T09:00:00Z' })).id, customer.id)).reason).toBe('Starts on 1 Jul 2026, 09:00');
    expect((await check((await newDiscount({ endsAt: '2026-06-01T00:00:00Z' })).id, customer.id)).reason).toBe('Expired on 1 Jun 2026, 00:00');
    expect((await check((await newDiscount({ startsAt: '2026-06-01', endsAt: '2026-07-01' })).id, customer.id)).eligible).toBe(true);
  });

  it('refuses an inactive discount', async () => {
    expect(await check((await newDiscount({ active: false })).id, (await newCustomer()).id)).toEqual({ eligible: false, reason: 'Inactive' });
  });

  it('refuses a subtotal under the minimum, and mentions the minimum when no subtotal is given', async () => {
    const discount = await newDiscount({ minSubtotal: 5000 });
    const customer = await newCustomer();
    expect(await check(discount.id, customer.id, 4999)).toEqual({ eligible: false, reason: 'Needs a subtotal of at least £50.00' });
    expect((await check(discount.id, customer.id, 5000)).eligible).toBe(true);
    expect((await check(discount.id, customer.id)).reason).toBe('Eligible: 10% off for everyone on a subtotal of at least £50.00');
  });

  it('refuses once the total usage limit is reached, with the count', async () => {
    const discount = await newDiscount({ usageLimit: 2 });
    await order((await newCustomer()).id, discount.code);
    await order((await newCustomer()).id, discount.code);
    expect(await checkDiscountEligibility({ discountId: discount.id, customerId: (await newCustomer()).id })).toEqual({ eligible: false, reason: 'Used up (2 of 2)' });
  });

  it('refuses a customer who used it as often as allowed, while others still can', async () => {
    const discount = await newDiscount({ perCustomerLimit: 1 });
    const customer = await newCustomer();
    await order(customer.id, discount.code);
    expect(await checkDiscountEligibility({ discountId: discount.id, customerId: customer.id })).toEqual({ eligible: false, reason: 'Already used the maximum 1 time' });
    expect((await checkDiscountEligibility({ discountId: discount.id, customerId: (await newCustomer()).id })).eligible).toBe(true);
  });

  it('answers not found for an unknown customer or discount', async () => {
    const discount = await newDiscount();
    await expect(check(discount.id, crypto.randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(check(crypto.randomUUID(), (await newCustomer()).id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe(`listEligibleDiscounts (${TEST_DB_KIND})`, () => {
  it('lists the active discounts the customer can use now, with reasons, and follows a group change', async () => {
    const customer = await newCustomer(vip);
    const forVip = await newDiscount({ code: 'ELIG-VIP', customerGroupIds: [vip] });
    const forWholesale = await newDiscount({ code: 'ELIG-WHOLESALE', customerGroupIds: [wholesaler] });
    await newDiscount({ code: 'ELIG-OFF', active: false });
    const codesOf = async () => (await listEligibleDiscounts({ customerId: customer.id })).map((e) => e.discount.code).filter((c) => c.startsWith('ELIG-'));
    expect(await codesOf()).toEqual(['ELIG-VIP']);
    expect((await listEligibleDiscounts({ customerId: customer.id })).find((e) => e.discount.id === forVip.id)?.reason).toBe('Eligible: 10% off for VIP customers');
    await updateCustomer({ actor: staff, id: customer.id, input: { customerGroupId: wholesaler } });
    expect(await codesOf()).toEqual([forWholesale.code]);
  });
});

describe(`createOrder with a discountCode (${TEST_DB_KIND})`, () => {
  it('takes a percentage off the items subtotal, rounding down, and records the code and one use', async () => {
    const discount = await newDiscount({ value: 12.5 });
    const placed = await createOrder({
      actor: staff,
      input: { customerId: (await newCustomer()).id, items: [{ sku: 'A', name: 'A', quantity: 3, unitPrice: 333 }], shippingTotal: 100, discountCode: ` ${discount.code.toLowerCase()} ` },
    });
    // 999 × 12.5% = 124.875 → 124.
    expect(placed).toMatchObject({ subtotal: 999, discountTotal: 124, total: 999 - 124 + 100, discountCode: discount.code });
    expect((await getDiscount({ id: discount.id })).timesUsed).toBe(1);
  });

  it('caps a fixed amount at the subtotal', async () => {
    const discount = await newDiscount({ kind: 'fixed_amount', value: 2_000 });
    expect(await order((await newCustomer()).id, discount.code, 1_500)).toMatchObject({ subtotal: 1_500, discountTotal: 1_500, total: 0 });
  });

  it('refuses an ineligible or unknown code on the discountCode field with the reason, placing nothing', async () => {
    const discount = await newDiscount({ customerGroupIds: [vip] });
    const customer = await newCustomer(retail);
    const error = await errorOf(order(customer.id, discount.code));
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).fieldErrors).toEqual([{ path: 'discountCode', message: 'Only for VIP customers' }]);
    const unknown = await errorOf(order(customer.id, 'NO-SUCH-CODE'));
    expect((unknown as ValidationFailedError).fieldErrors?.[0]).toEqual({ path: 'discountCode', message: 'No discount with the code NO-SUCH-CODE' });
    expect((await getDiscount({ id: discount.id })).timesUsed).toBe(0);
  });

  it('refuses a code together with a hand-entered discount amount', async () => {
    const discount = await newDiscount();
    const error = await errorOf(createOrder({ actor: staff, input: { customerId: (await newCustomer()).id, items: [{ sku: 'A', name: 'A', quantity: 1, unitPrice: 500 }], discountTotal: 50, discountCode: discount.code } }));
    expect((error as ValidationFailedError).fieldErrors?.[0]?.path).toBe('discountTotal');
  });

  it('holds a per-customer limit of 1 when 10 orders apply the code at once: exactly one succeeds', async () => {
    const discount = await newDiscount({ perCustomerLimit: 1 });
    const customer = await newCustomer();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => order(customer.id, discount.code)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const reasons = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as ValidationFailedError).fieldErrors?.[0]?.message] : []));
    expect(reasons).toEqual(Array(9).fill('Already used the maximum 1 time'));
    expect((await getDiscount({ id: discount.id })).timesUsed).toBe(1);
  });

  it('holds a total usage limit of 3 when 10 customers apply the code at once', async () => {
    const discount = await newDiscount({ usageLimit: 3 });
    const buyers = await Promise.all(Array.from({ length: 10 }, () => newCustomer()));
    const results = await Promise.allSettled(buyers.map((buyer) => order(buyer.id, discount.code)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as ValidationFailedError).fieldErrors?.[0]?.message] : []))).toEqual(Array(7).fill('Used up (3 of 3)'));
    expect((await getDiscount({ id: discount.id })).timesUsed).toBe(3);
  });

  it('does not give the use back when the order is cancelled', async () => {
    const discount = await newDiscount({ perCustomerLimit: 1 });
    const customer = await newCustomer();
    const placed = await order(customer.id, discount.code);
    await cancelOrder({ actor: admin, id: placed.id });
    expect((await checkDiscountEligibility({ discountId: discount.id, customerId: customer.id })).reason).toBe('Already used the maximum 1 time');
  });
});
