import { sql, type SQL } from 'drizzle-orm';

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
export const SNAPSHOT_COLUMNS = {
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

/** One of the customer's addresses an order may copy: what it is (by id, as a default) and the copy itself. */
export interface AddressCandidate {
  id: string;
  isDefaultShipping: boolean;
  isDefaultBilling: boolean;
  snapshot: OrderAddress;
}

const wanted = (choices: Record<Kind, AddressChoice>, kind: Kind) => choices[kind].address === undefined && choices[kind].addressId === undefined;

/**
 * The addresses of the customer whose id is `customerId` (an SQL expression) that pickOrderAddresses may need, as a
 * jsonb array of AddressCandidate, for the statement that reads the customer: at most the two ids given and the two
 * defaults, by the primary key and the one-default-per-kind indexes.
 */
export function orderAddressCandidatesSql(customerId: SQL, choices: Record<Kind, AddressChoice>): SQL {
  const ids = [choices.shipping.addressId, choices.billing.addressId].filter((id): id is string => typeof id === 'string');
  const conditions = [
    ...ids.map((id) => sql`a.id = ${id}::uuid`),
    wanted(choices, 'shipping') ? sql`a.is_default_shipping` : undefined,
    wanted(choices, 'billing') ? sql`a.is_default_billing` : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
  if (!conditions.length) return sql`'[]'::jsonb`;
  return sql`coalesce((
    select jsonb_agg(jsonb_build_object('id', a.id, 'isDefaultShipping', a.is_default_shipping, 'isDefaultBilling', a.is_default_billing, 'snapshot', ${orderAddressSql('a')}))
    from ${customerAddresses} a where a.customer_id = ${customerId} and (${sql.join(conditions, sql` or `)})
  ), '[]'::jsonb)`;
}

/**
 * The shipping and billing snapshots of a new order: an address given is kept as given; an id must be one of the
 * customer's own addresses (another customer's is refused like a missing one, naming the field); left out, the
 * customer's default of that kind is copied, and a missing billing default falls back to the shipping address.
 * `candidates` are what orderAddressCandidatesSql read, in the statement that locked the customer (KEY SHARE).
 */
export function pickOrderAddresses(
  candidates: AddressCandidate[],
  choices: Record<Kind, AddressChoice>,
): { shippingAddress: OrderAddress | null; billingAddress: OrderAddress | null } {
  const errors: { path: string; message: string }[] = [];
  const pick = (kind: Kind): OrderAddress | null => {
    const { address, addressId } = choices[kind];
    if (address !== undefined) return address && toOrderAddress(address);
    if (addressId === null) return null;
    if (addressId !== undefined) {
      const row = candidates.find((candidate) => candidate.id === addressId);
      if (!row) errors.push({ path: `${kind}AddressId`, message: NOT_THEIRS });
      return row ? row.snapshot : null;
    }
    const fallback = candidates.find((candidate) => (kind === 'shipping' ? candidate.isDefaultShipping : candidate.isDefaultBilling));
    return fallback ? fallback.snapshot : null;
  };
  const shippingAddress = pick('shipping');
  const billingAddress = pick('billing') ?? (wanted(choices, 'billing') ? shippingAddress : null);
  if (errors.length) throw new ValidationFailedError(NOT_THEIRS, errors);
  return { shippingAddress, billingAddress };
}
