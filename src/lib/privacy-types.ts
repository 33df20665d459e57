// What a person's data export holds (GET /customers/{id}/export, the storefront's "Download my data") and the words an
// erasure leaves behind. One shape for the staff and the shopper: it is the person's right to see all of it (staff
// notes and tags included), and it names no staff member, whose identity is not theirs to take.

import type { Customer, CustomerAddress, CustomerEvent, CustomerMetrics, OrderAddress, OrderItem, OrderSummary } from './types';

/** The first name an erased customer keeps: the row stays, so orders still have a customer, but names no one. */
export const ERASED_FIRST_NAME = 'Erased customer';
/** What replaces a personal value that cannot simply be emptied (a delivery's address, a quoted name). */
export const ERASED_MARKER = '[erased]';
/** What an erasure writes over a timeline event's payload: its type and time stay, what it said goes. */
export const REDACTED_EVENT_DATA = { redacted: true } as const;
/** The word staff type to confirm an erasure, and the API's `confirm` value. */
export const ERASE_CONFIRMATION = 'ERASE';

export const PERSONAL_DATA_EXPORT_FORMAT = 'customers-module/personal-data-export@1';

/** The profile, without the ids of the login and of the staff member who made it. */
export interface ExportedCustomer extends Omit<Customer, 'createdById' | 'userId'> {
  externalId: string | null;
}

export interface ExportedRefund {
  id: string;
  /** Minor units of the order's currency. */
  amount: number;
  reason: string;
  createdAt: string;
  /** What came back of each order line; empty for a refund by amount alone. */
  items: { orderItemId: string; quantity: number; amount: number }[];
}

export interface ExportedOrder extends OrderSummary {
  subtotal: number;
  discountTotal: number;
  discountCode: string | null;
  taxTotal: number;
  shippingTotal: number;
  cancelledAt: string | null;
  items: OrderItem[];
  shippingAddress: OrderAddress | null;
  billingAddress: OrderAddress | null;
  refunds: ExportedRefund[];
}

export interface ExportedConsentChange {
  channel: 'email' | 'sms';
  given: boolean;
  at: string;
  /** Who recorded it: the customer, staff, an API key, the system (an import). */
  by: CustomerEvent['actorType'];
}

export interface PersonalDataExport {
  format: typeof PERSONAL_DATA_EXPORT_FORMAT;
  exportedAt: string;
  customer: ExportedCustomer;
  addresses: CustomerAddress[];
  consent: {
    email: { given: boolean; at: string | null };
    sms: { given: boolean; at: string | null };
    /** Every change the timeline recorded, oldest first. */
    history: ExportedConsentChange[];
  };
  orders: ExportedOrder[];
  timeline: Omit<CustomerEvent, 'actorId' | 'customerId'>[];
  metrics: {
    stats: CustomerMetrics;
    /** The engagement figures of the last metrics run (RFM, predictions), or null before the first. */
    engagement: Record<string, string | number | null> | null;
  };
  classificationSuggestions: {
    id: string;
    suggestedGroup: string;
    confidence: number;
    reasons: string[];
    status: string;
    createdAt: string;
    decidedAt: string | null;
  }[];
  campaignDeliveries: {
    campaign: string;
    channel: 'email' | 'sms';
    /** The email address or phone number the message went to. */
    address: string;
    status: string;
    sentAt: string | null;
    createdAt: string;
  }[];
  discountRedemptions: { code: string; orderId: string; amount: number; currency: string; createdAt: string }[];
  /** The storefront login: who signed up, never its password hash, tokens or sessions. */
  storefrontLogin: { email: string; name: string; emailVerified: boolean; createdAt: string } | null;
}
