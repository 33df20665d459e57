import { eq } from 'drizzle-orm';

import { inTurn, type Tx } from '@/db/client';
import { campaignDeliveries, customerAddresses, storeUsers, type CustomerRow } from '@/db/schema';
import { ERASED_MARKER } from '@/lib/privacy-types';

// Shorter values ("Al", a one-letter tag) would match inside ordinary words and redact half a sentence for nothing.
const MIN_LENGTH = 3;

/**
 * Every personal value stored about the customer, read before an erasure replaces them: what a copy elsewhere (a
 * refund reason, a model's reasons, a stored answer) may quote. Longest first, so a full name goes before its parts.
 */
export async function personalValuesOf(tx: Tx, row: CustomerRow): Promise<string[]> {
  const [addresses, logins, deliveries] = await inTurn(
    () => tx.select().from(customerAddresses).where(eq(customerAddresses.customerId, row.id)),
    () => row.userId ? tx.select().from(storeUsers).where(eq(storeUsers.id, row.userId)) : Promise.resolve([]),
    () => tx.select({ address: campaignDeliveries.address }).from(campaignDeliveries).where(eq(campaignDeliveries.customerId, row.id)),
  );
  const values = [
    `${row.firstName} ${row.lastName}`,
    row.firstName,
    row.lastName,
    row.email,
    row.phone,
    row.company,
    row.notes,
    row.externalId,
    ...row.tags,
    ...addresses.flatMap((a) => [`${a.firstName} ${a.lastName}`, a.firstName, a.lastName, a.company, a.line1, a.line2, a.city, a.region, a.postalCode, a.phone]),
    ...logins.flatMap((login) => [login.email, login.name, login.firstName, login.lastName]),
    ...deliveries.map((delivery) => delivery.address),
  ];
  const distinct = new Set(values.map((value) => value?.trim() ?? '').filter((value) => value.length >= MIN_LENGTH));
  return [...distinct].sort((a, b) => b.length - a.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text with each of the values, in any letter case, replaced by the erased marker. */
export function redactText(text: string, values: string[]): string {
  return values.reduce((result, value) => result.replace(new RegExp(escapeRegExp(value), 'gi'), ERASED_MARKER), text);
}
