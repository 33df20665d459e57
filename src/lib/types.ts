// Domain types shared by services, the API, and the UI. Money is integer minor units beside a currency.

import type { OrderStatus } from './order-status';

export type StaffRole = 'owner' | 'admin' | 'staff';

/** Who is acting: resolved by the adapter (session or API key) and passed to services. */
export type Actor =
  | { type: 'staff'; id: string; role: StaffRole; name: string }
  | { type: 'api_key'; id: string; role: Exclude<StaffRole, 'owner'>; name: string }
  | { type: 'system'; id: null; role: 'owner'; name: string }
  // A storefront customer acting on their own record: `id` is their customer id. No staff permission includes
  // the role, so the only services that admit them are those that check for this actor (see services/ownership.ts).
  | { type: 'customer'; id: string; role: 'customer'; name: string };

export interface Money {
  amount: number;
  currency: string;
}

export interface CustomerGroup {
  id: string;
  name: string;
  description: string;
  memberCount?: number;
  updatedAt?: string;
}

/** An address's own fields, without who it belongs to or whether it is a default (what a CSV carries). */
export type AddressFields = Pick<CustomerAddress, 'firstName' | 'lastName' | 'company' | 'line1' | 'line2' | 'city' | 'region' | 'postalCode' | 'countryCode' | 'phone'>;

/** An order's shipping or billing address: a copy of the address as it was when the order was placed. */
export type OrderAddress = AddressFields;

export interface CustomerAddress {
  id: string;
  customerId: string;
  firstName: string;
  lastName: string;
  company: string | null;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  countryCode: string;
  phone: string | null;
  isDefaultShipping: boolean;
  isDefaultBilling: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Customer {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  notes: string;
  tags: string[];
  customerGroupId: string | null;
  customerGroup: Pick<CustomerGroup, 'id' | 'name'> | null;
  emailMarketingConsent: boolean;
  emailConsentAt: string | null;
  smsMarketingConsent: boolean;
  smsConsentAt: string | null;
  createdById: string | null;
  userId: string | null;
  /** Minor units of `currency`. */
  totalSpend: number;
  currency: string;
  orderCount: number;
  firstOrderDate: string | null;
  lastOrderDate: string | null;
  version: number;
  /** When the person's data was erased (services/privacy); the record stays for its orders. Null for everyone else. */
  erasedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerMetrics {
  orderCount: number;
  totalSpend: number;
  averageOrderValue: number;
  currency: string;
  firstOrderDate: string | null;
  lastOrderDate: string | null;
}

export type { OrderStatus };

export interface OrderSummary {
  id: string;
  orderNumber: string;
  status: OrderStatus;
  total: number;
  refundedTotal: number;
  itemCount: number;
  currency: string;
  placedAt: string;
  completedAt: string | null;
}

/** One row of the order list (listOrders): the summary with whose order it is. */
export interface OrderListItem extends OrderSummary {
  customerId: string;
  customerName: string;
}

/** A customer as a picker offers them (the order form's search, the discount checker). */
export interface CustomerOption {
  id: string;
  name: string;
  email: string | null;
  company: string | null;
}

export interface OrderItem {
  id: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
}

/** One refund of an order, as its page lists it. */
export interface OrderRefundEntry {
  id: string;
  /** Minor units of the order's currency. */
  amount: number;
  reason: string;
  createdAt: string;
  /** The staff member's name or the API key's ("API key “ERP”"); null for the import. */
  createdBy: string | null;
}

export interface Order extends OrderSummary {
  customerId: string;
  customer: { id: string; name: string; email: string | null } | null;
  subtotal: number;
  discountTotal: number;
  // The code applied at creation, as it was then; null without one.
  discountCode: string | null;
  taxTotal: number;
  shippingTotal: number;
  refundedTotal: number;
  itemCount: number;
  cancelledAt: string | null;
  createdById: string | null;
  items: OrderItem[];
  /** Null for an order placed without one (and for orders from before addresses were recorded, or erased). */
  shippingAddress: OrderAddress | null;
  billingAddress: OrderAddress | null;
}

/** getCustomerById's answer: the profile with addresses, newest orders, metrics and its creator. */
export interface CustomerDetail extends Customer {
  addresses: CustomerAddress[];
  orders: OrderSummary[];
  ordersNextCursor: string | null;
  metrics: CustomerMetrics;
  createdBy: { id: string; name: string } | null;
}

export interface CustomerEvent {
  id: string;
  customerId: string;
  type: string;
  actorType: 'staff' | 'api_key' | 'customer' | 'system';
  actorId: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface FieldError {
  path: string;
  message: string;
}

/** A discount code. `value` is as entered: percent off (12.5) for a percentage, minor units off for a fixed amount. */
export interface Discount {
  id: string;
  code: string;
  description: string;
  kind: 'percentage' | 'fixed_amount';
  value: number;
  currency: string;
  // Empty means everyone.
  customerGroups: Pick<CustomerGroup, 'id' | 'name'>[];
  startsAt: string | null;
  endsAt: string | null;
  minSubtotal: number;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  timesUsed: number;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DiscountEligibility {
  eligible: boolean;
  reason: string;
}

/**
 * What a storefront customer sees of their own record: never staff notes, tags, the creating staff member or the
 * external id.
 */
export interface StoreProfile {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  customerGroup: Pick<CustomerGroup, 'id' | 'name'> | null;
  emailMarketingConsent: boolean;
  emailConsentAt: string | null;
  smsMarketingConsent: boolean;
  smsConsentAt: string | null;
  /** Minor units of `currency`. */
  totalSpend: number;
  currency: string;
  orderCount: number;
  /** When the shop first knew them (the customer record), which may be before they made an account. */
  memberSince: string;
  version: number;
}

/** A storefront customer's view of their own order: the order without who at the shop entered it. */
export type StoreOrder = Omit<Order, 'createdById' | 'customer'>;

/** A discount the customer can use now, with the plain reason (their group, the dates). */
export interface StoreBenefit {
  code: string;
  description: string;
  value: string;
  reason: string;
  endsAt: string | null;
}

/** What a server action answers a form: the data, or a message with errors per field. */
export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; message: string; fieldErrors: FieldError[] };

export interface ApiKeySummary {
  id: string;
  name: string;
  role: 'admin' | 'staff';
  keyPrefix: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
