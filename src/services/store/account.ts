import { and, asc, desc, eq } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { customerAddresses, customerGroups, customers } from '@/db/schema';
import type { CustomerAddress, OrderSummary, Page, StoreBenefit, StoreOrder, StoreProfile } from '@/lib/types';
import { toStoredDiscountValue } from '@/lib/validation/discount';

import { toCustomer, toCustomerAddress } from '../customers/mapping';
import { describeDiscountValue, listEligibleDiscounts } from '../discounts';
import { NotFoundError } from '../errors';
import { assertUuid } from '../ids';
import { getOrderById, listCustomerOrders } from '../orders';
import { SHOP_CURRENCY } from '@/lib/config';

// Reads for the storefront account. Each takes the signed-in customer's own id (from the session, never from the
// request) and finds only what belongs to it; anything else is NotFoundError, whether or not it exists.

const NO_CUSTOMER = 'No customer with this id';
const NO_ADDRESS = 'No address with this id for this customer';
const NO_ORDER = 'No order with this id';

export async function getStoreProfile({ customerId }: { customerId: string }): Promise<StoreProfile> {
  assertUuid(customerId, NO_CUSTOMER);
  const [found] = await getDb()
    .select({ customer: customers, group: { id: customerGroups.id, name: customerGroups.name } })
    .from(customers)
    .leftJoin(customerGroups, eq(customerGroups.id, customers.customerGroupId))
    .where(eq(customers.id, customerId));
  if (!found) throw new NotFoundError(NO_CUSTOMER);
  return toStoreProfile(toCustomer(found.customer, found.group?.id ? found.group : null));
}

/** Only the fields a customer may see of their own record. */
export function toStoreProfile(customer: ReturnType<typeof toCustomer>): StoreProfile {
  return {
    id: customer.id,
    firstName: customer.firstName,
    lastName: customer.lastName,
    email: customer.email,
    phone: customer.phone,
    customerGroup: customer.customerGroup,
    emailMarketingConsent: customer.emailMarketingConsent,
    emailConsentAt: customer.emailConsentAt,
    smsMarketingConsent: customer.smsMarketingConsent,
    smsConsentAt: customer.smsConsentAt,
    totalSpend: customer.totalSpend,
    currency: customer.currency,
    orderCount: customer.orderCount,
    memberSince: customer.createdAt,
    version: customer.version,
  };
}

/** The customer's addresses, defaults first, then oldest first. */
export async function listStoreAddresses({ customerId }: { customerId: string }): Promise<CustomerAddress[]> {
  assertUuid(customerId, NO_CUSTOMER);
  const rows = await getDb()
    .select()
    .from(customerAddresses)
    .where(eq(customerAddresses.customerId, customerId))
    .orderBy(desc(customerAddresses.isDefaultShipping), desc(customerAddresses.isDefaultBilling), asc(customerAddresses.createdAt), asc(customerAddresses.id));
  return rows.map(toCustomerAddress);
}

export async function getStoreAddress({ customerId, addressId }: { customerId: string; addressId: string }): Promise<CustomerAddress> {
  assertUuid(customerId, NO_ADDRESS);
  assertUuid(addressId, NO_ADDRESS);
  const [row] = await getDb()
    .select()
    .from(customerAddresses)
    .where(and(eq(customerAddresses.id, addressId), eq(customerAddresses.customerId, customerId)));
  if (!row) throw new NotFoundError(NO_ADDRESS);
  return toCustomerAddress(row);
}

/** The customer's orders, newest first, keyset-paged. */
export async function listStoreOrders({ customerId, cursor, limit = 20 }: { customerId: string; cursor?: string | null; limit?: number }): Promise<Page<OrderSummary>> {
  return listCustomerOrders({ customerId, cursor, limit });
}

/** One of the customer's own orders; anyone else's is NotFoundError. */
export async function getStoreOrder({ customerId, orderId }: { customerId: string; orderId: string }): Promise<StoreOrder> {
  assertUuid(orderId, NO_ORDER);
  const { createdById, customer, ...order } = await getOrderById({ id: orderId, customerId });
  return order;
}

/** The discounts the customer's group (or everyone) may use now, in words a customer understands. */
export async function listStoreBenefits({ customerId }: { customerId: string }): Promise<StoreBenefit[]> {
  const eligible = await listEligibleDiscounts({ customerId });
  return eligible.map(({ discount, reason }) => ({
    code: discount.code,
    description: discount.description,
    // The domain discount holds the value as entered (15 for 15%); describeDiscountValue reads the stored form.
    value: describeDiscountValue({ kind: discount.kind, value: toStoredDiscountValue(discount.kind, discount.value) }, SHOP_CURRENCY),
    reason,
    endsAt: discount.endsAt,
  }));
}
