import { and, eq, or, sql, type SQL } from 'drizzle-orm';

import type { Tx } from '@/db/client';
import { customerAddresses, type CustomerAddressRow } from '@/db/schema';
import type { OrderAddress } from '@/lib/types';
import type { addressSnapshotSchema } from '@/lib/validation/address';
import type { z } from 'zod';

import { ValidationFailedError } from '../errors';

type Snapshot = z.output<typeof addressSnapshotSchema>;
type Kind = 'shipping' | 'billing';

/** What the create input says about one address: given (or null for none), an id of the customer's, or nothing. */
export interface AddressChoice {
  address?: Snapshot | null;
  addressId?: string | null;
}

// The snapshot's fields and the address book's columns they are copied from: one list for the service and the seed.
const SNAPSHOT_COLUMNS = {
  firstName: customerAddresses.firstName,
  lastName: customerAddresses.lastName,
  company: customerAddresses.company,
  line1: customerAddresses.line1,
  line2: customerAddresses.line2,
  city: customerAddresses.city,
  region: customerAddresses.region,
  postalCode: customerAddresses.postalCode,
  countryCode: customerAddresses.countryCode,
  phone: customerAddresses.phone,
} satisfies Record<keyof OrderAddress, unknown>;

const SNAPSHOT_KEYS = Object.keys(SNAPSHOT_COLUMNS) as (keyof OrderAddress)[];

/** An address as an order keeps it: every field present (null when empty), nothing of the address book's own. */
export function toOrderAddress(address: Snapshot | CustomerAddressRow): OrderAddress {
  return Object.fromEntries(SNAPSHOT_KEYS.map((key) => [key, address[key] ?? null])) as unknown as OrderAddress;
}

/**
 * The same snapshot built in SQL from a customer_addresses row aliased `alias`, for the demo seed, which inserts
 * orders set-based: jsonb_build_object over the one column list above.
 */
export function orderAddressSql(alias: string): SQL {
  return sql`jsonb_build_object(${sql.join(
    SNAPSHOT_KEYS.map((key) => sql`${key}::text, ${sql.identifier(alias)}.${sql.identifier(SNAPSHOT_COLUMNS[key].name)}`),
    sql`, `,
  )})`;
}

const NOT_THEIRS = "Not one of this customer's addresses";

/**
 * The shipping and billing snapshots of a new order: an address given is kept as given; an id must be one of the
 * customer's own addresses (another customer's is refused like a missing one, naming the field); left out, the
 * customer's default of that kind is copied, and a missing billing default falls back to the shipping address.
 * Reads at most the two ids and the two defaults, by the primary key and the one-default-per-kind indexes.
 * The caller holds the customer row (KEY SHARE), so the address book cannot change underneath.
 */
export async function resolveOrderAddresses(
  tx: Tx,
  customerId: string,
  choices: Record<Kind, AddressChoice>,
): Promise<{ shippingAddress: OrderAddress | null; billingAddress: OrderAddress | null }> {
  const wanted = (kind: Kind) => choices[kind].address === undefined && choices[kind].addressId === undefined;
  const ids = [choices.shipping.addressId, choices.billing.addressId].filter((id): id is string => typeof id === 'string');
  const conditions = [
    ...ids.map((id) => eq(customerAddresses.id, id)),
    wanted('shipping') ? eq(customerAddresses.isDefaultShipping, true) : undefined,
    wanted('billing') ? eq(customerAddresses.isDefaultBilling, true) : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
  const rows = conditions.length ? await tx.select().from(customerAddresses).where(and(eq(customerAddresses.customerId, customerId), or(...conditions))) : [];

  const errors: { path: string; message: string }[] = [];
  const pick = (kind: Kind): OrderAddress | null => {
    const { address, addressId } = choices[kind];
    if (address !== undefined) return address && toOrderAddress(address);
    if (addressId === null) return null;
    if (addressId !== undefined) {
      const row = rows.find((candidate) => candidate.id === addressId);
      if (!row) errors.push({ path: `${kind}AddressId`, message: NOT_THEIRS });
      return row ? toOrderAddress(row) : null;
    }
    const fallback = rows.find((candidate) => (kind === 'shipping' ? candidate.isDefaultShipping : candidate.isDefaultBilling));
    return fallback ? toOrderAddress(fallback) : null;
  };
  const shippingAddress = pick('shipping');
  const billingAddress = pick('billing') ?? (wanted('billing') ? shippingAddress : null);
  if (errors.length) throw new ValidationFailedError(NOT_THEIRS, errors);
  return { shippingAddress, billingAddress };
}
