import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';

import { getDb, type Tx } from '@/db/client';
import { customerAddresses, customers } from '@/db/schema';
import type { Actor, CustomerAddress } from '@/lib/types';
import { addressCreateSchema, addressUpdateSchema, type AddressCreateInput, type AddressUpdateInput } from '@/lib/validation/address';
import { postcodeProblem } from '@/lib/validation/postcode';

import { recordCustomerEvent } from './customers/events';
import { toCustomerAddress } from './customers/mapping';
import { ConflictError, NotFoundError, ValidationFailedError } from './errors';
import { assertUuid } from './ids';
import { assertCanChangeCustomer } from './ownership';
import { parseInput } from './validate';

const NOT_FOUND = 'No address with this id for this customer';
const CUSTOMER_NOT_FOUND = 'No customer with this id';

// Locks the customer row so that concurrent default changes for one customer queue instead of colliding
// on the one-default-per-kind unique indexes.
async function lockCustomer(tx: Tx, customerId: string): Promise<void> {
  assertUuid(customerId, CUSTOMER_NOT_FOUND);
  const [found] = await tx.select({ id: customers.id, erasedAt: customers.erasedAt }).from(customers).where(eq(customers.id, customerId)).for('update');
  if (!found) throw new NotFoundError(CUSTOMER_NOT_FOUND);
  // An erased customer keeps no address; a new one would bring personal data back.
  if (found.erasedAt) throw new ConflictError('This customer\'s personal data was erased: addresses cannot be added or changed.');
}

async function clearOtherDefaults(tx: Tx, customerId: string, keepId: string, kinds: { shipping?: boolean; billing?: boolean }) {
  const others = and(eq(customerAddresses.customerId, customerId), ne(customerAddresses.id, keepId));
  if (kinds.shipping) await tx.update(customerAddresses).set({ isDefaultShipping: false }).where(and(others, eq(customerAddresses.isDefaultShipping, true)));
  if (kinds.billing) await tx.update(customerAddresses).set({ isDefaultBilling: false }).where(and(others, eq(customerAddresses.isDefaultBilling, true)));
}

// A customer keeps a handful of addresses; the bound only keeps a runaway list (an integration adding one per order)
// from flooding the order form. Read on the (customer_id, created_at) index.
const ADDRESS_CHOICES = 100;

/** A customer's addresses for choosing an order's: defaults first, then oldest first. Throws NotFoundError (bad id). */
export async function listCustomerAddresses({ customerId }: { customerId: string }): Promise<CustomerAddress[]> {
  assertUuid(customerId, CUSTOMER_NOT_FOUND);
  const rows = await getDb()
    .select()
    .from(customerAddresses)
    .where(eq(customerAddresses.customerId, customerId))
    .orderBy(asc(customerAddresses.createdAt), asc(customerAddresses.id))
    .limit(ADDRESS_CHOICES);
  const rank = (row: (typeof rows)[number]) => (row.isDefaultShipping ? 0 : row.isDefaultBilling ? 1 : 2);
  return rows.sort((a, b) => rank(a) - rank(b)).map(toCustomerAddress);
}

/** Adds an address; the customer's first address becomes both defaults. Throws NotFoundError, ValidationFailedError. */
export async function addCustomerAddress({ actor, customerId, input }: { actor: Actor; customerId: string; input: AddressCreateInput }): Promise<CustomerAddress> {
  assertCanChangeCustomer(actor, customerId, CUSTOMER_NOT_FOUND);
  const data = parseInput(addressCreateSchema, input);
  return getDb().transaction(async (tx) => {
    await lockCustomer(tx, customerId);
    const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(customerAddresses).where(eq(customerAddresses.customerId, customerId));
    const isFirst = count === 0;
    const id = crypto.randomUUID();
    await clearOtherDefaults(tx, customerId, id, { shipping: data.isDefaultShipping, billing: data.isDefaultBilling });
    const [row] = await tx
      .insert(customerAddresses)
      .values({ ...data, id, customerId, isDefaultShipping: data.isDefaultShipping || isFirst, isDefaultBilling: data.isDefaultBilling || isFirst })
      .returning();
    await recordCustomerEvent(tx, actor, customerId, 'address.added', { addressId: id, city: row.city, countryCode: row.countryCode });
    return toCustomerAddress(row);
  });
}

/**
 * The schema checks a postcode against a country sent with it; a patch with only one of them is checked against the
 * stored other, so that neither a new postcode nor a move to another country leaves a postcode of the wrong format.
 */
async function checkPostcodeAgainstStored(tx: Tx, customerId: string, addressId: string, patch: { postalCode?: string | null; countryCode?: string }): Promise<void> {
  if ((patch.postalCode === undefined) === (patch.countryCode === undefined)) return;
  const [stored] = await tx
    .select({ postalCode: customerAddresses.postalCode, countryCode: customerAddresses.countryCode })
    .from(customerAddresses)
    .where(and(eq(customerAddresses.id, addressId), eq(customerAddresses.customerId, customerId)));
  if (!stored) throw new NotFoundError(NOT_FOUND);
  const postalCode = patch.postalCode === undefined ? stored.postalCode : patch.postalCode;
  const problem = postalCode ? postcodeProblem(postalCode, patch.countryCode ?? stored.countryCode) : null;
  if (problem) throw new ValidationFailedError('Some fields need attention', [{ path: 'postalCode', message: problem }]);
}

/** Changes an address; making it a default unsets the previous one. Throws NotFoundError, ValidationFailedError. */
export async function updateCustomerAddress({
  actor, customerId, addressId, input,
}: { actor: Actor; customerId: string; addressId: string; input: AddressUpdateInput }): Promise<CustomerAddress> {
  assertCanChangeCustomer(actor, customerId, CUSTOMER_NOT_FOUND);
  assertUuid(addressId, NOT_FOUND);
  const patch = parseInput(addressUpdateSchema, input);
  return getDb().transaction(async (tx) => {
    await lockCustomer(tx, customerId);
    await checkPostcodeAgainstStored(tx, customerId, addressId, patch);
    await clearOtherDefaults(tx, customerId, addressId, { shipping: patch.isDefaultShipping, billing: patch.isDefaultBilling });
    const [row] = await tx
      .update(customerAddresses)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(and(eq(customerAddresses.id, addressId), eq(customerAddresses.customerId, customerId)))
      .returning();
    if (!row) throw new NotFoundError(NOT_FOUND);
    await recordCustomerEvent(tx, actor, customerId, 'address.updated', { addressId, fields: Object.keys(patch) });
    return toCustomerAddress(row);
  });
}

/** Removes an address; if it was a default, the newest remaining address takes over. Throws NotFoundError. */
export async function deleteCustomerAddress({ actor, customerId, addressId }: { actor: Actor; customerId: string; addressId: string }): Promise<void> {
  assertCanChangeCustomer(actor, customerId, CUSTOMER_NOT_FOUND);
  assertUuid(addressId, NOT_FOUND);
  await getDb().transaction(async (tx) => {
    await lockCustomer(tx, customerId);
    const [removed] = await tx
      .delete(customerAddresses)
      .where(and(eq(customerAddresses.id, addressId), eq(customerAddresses.customerId, customerId)))
      .returning();
    if (!removed) throw new NotFoundError(NOT_FOUND);
    if (removed.isDefaultShipping || removed.isDefaultBilling) {
      const [successor] = await tx
        .select({ id: customerAddresses.id })
        .from(customerAddresses)
        .where(eq(customerAddresses.customerId, customerId))
        .orderBy(desc(customerAddresses.createdAt))
        .limit(1);
      if (successor) {
        await tx
          .update(customerAddresses)
          .set({
            ...(removed.isDefaultShipping && { isDefaultShipping: true }),
            ...(removed.isDefaultBilling && { isDefaultBilling: true }),
          })
          .where(eq(customerAddresses.id, successor.id));
      }
    }
    await recordCustomerEvent(tx, actor, customerId, 'address.removed', { addressId, city: removed.city, countryCode: removed.countryCode });
  });
}
