import type { CustomerEvent } from '@/lib/types';
import { customerFieldLabel } from '@/lib/validation/customer';

/** Names the timeline needs to turn ids into words: staff by id, groups by id, and country codes. */
export interface EventNames {
  staff: ReadonlyMap<string, string>;
  groups: ReadonlyMap<string, string>;
  country: (code: string) => string;
  /** Integer minor units of the shop currency, for display. */
  money: (minor: number) => string;
}

/** One timeline entry in words: who did it, what they did, and optional "from → to" details. */
export interface EventText {
  sentence: string;
  details: string[];
}

const DETAIL_MAX = 60;

function actorName(event: CustomerEvent, names: EventNames): string {
  switch (event.actorType) {
    case 'staff':
      return (event.actorId && names.staff.get(event.actorId)) || 'A former staff member';
    case 'api_key':
      return 'An API integration';
    case 'customer':
      return 'The customer';
    default:
      return 'The system';
  }
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)';
  const text = String(value).replace(/\s+/g, ' ');
  return text.length > DETAIL_MAX ? `${text.slice(0, DETAIL_MAX - 1)}…` : `“${text}”`;
}

function changeDetail(field: string, change: unknown, names: EventNames): string | null {
  if (!Array.isArray(change) || change.length !== 2) return null;
  const [from, to] = change;
  const label = customerFieldLabel(field);
  if (field === 'notes') return 'Notes were rewritten';
  if (typeof to === 'boolean') return `${label[0].toUpperCase()}${label.slice(1)} ${to ? 'given' : 'withdrawn'}`;
  if (field === 'customerGroupId') return `Group: ${groupName(from, names)} → ${groupName(to, names)}`;
  return `${label[0].toUpperCase()}${label.slice(1)}: ${show(from)} → ${show(to)}`;
}

function groupName(id: unknown, names: EventNames): string {
  if (typeof id !== 'string') return 'no group';
  return names.groups.get(id) ?? 'a deleted group';
}

function place(data: Record<string, unknown>, names: EventNames): string {
  const city = typeof data.city === 'string' ? data.city : null;
  const country = typeof data.countryCode === 'string' ? names.country(data.countryCode) : null;
  return [city, country].filter(Boolean).join(', ');
}

/** The CSV import an event came from (services/customer-import): the file, its line, the job, consent given. */
function importSource(data: Record<string, unknown>): { file: string; details: string[] } | null {
  const source = data.import as { fileName?: unknown; line?: unknown; jobId?: unknown } | undefined;
  if (!source || typeof source !== 'object') return null;
  const consent = (data.consent ?? {}) as Record<string, unknown>;
  const given = [consent.email ? 'email' : null, consent.sms ? 'SMS' : null].filter(Boolean);
  return {
    file: typeof source.fileName === 'string' ? show(source.fileName) : 'a CSV file',
    details: [
      ...(typeof source.line === 'number' ? [`Line ${source.line}${typeof source.jobId === 'string' ? ` of import ${source.jobId.slice(0, 8)}` : ''}`] : []),
      ...(given.length ? [`Marketing consent (${given.join(' and ')}) given in the file, recorded as given at import`] : []),
    ],
  };
}

/** Turns a stored event into a sentence such as "Sam Staff changed company" or "Created by Ada Lovelace". */
export function describeCustomerEvent(event: CustomerEvent, names: EventNames): EventText {
  const actor = actorName(event, names);
  const data = event.data ?? {};
  switch (event.type) {
    case 'customer.created': {
      const source = importSource(data);
      if (source) return { sentence: `Imported from ${source.file}${event.actorType === 'staff' ? ` by ${actor}` : ''}`, details: source.details };
      if (event.actorType === 'staff') return { sentence: `Created by ${actor}`, details: [] };
      if (event.actorType === 'customer') return { sentence: 'Signed up in the store', details: [] };
      if (event.actorType === 'api_key') return { sentence: 'Created through the API', details: [] };
      return { sentence: 'Imported', details: [] };
    }
    case 'customer.merged': {
      const who = [data.sourceName, data.sourceEmail].filter((part) => typeof part === 'string' && part).join(', ') || 'another customer';
      const details = [`Merged record: ${typeof data.sourceId === 'string' ? data.sourceId : 'unknown id'}`];
      if (typeof data.ordersMoved === 'number') details.push(`${data.ordersMoved} ${data.ordersMoved === 1 ? 'order' : 'orders'} moved here`);
      const fromSource = Array.isArray(data.fromSource) ? data.fromSource.filter((field): field is string => typeof field === 'string') : [];
      if (fromSource.length) details.push(`Kept from the merged record: ${listInWords(fromSource.map(customerFieldLabel))}`);
      return { sentence: `${actor} merged ${who} into this customer`, details };
    }
    case 'customer.account_linked':
      // Only after the customer opened the link mailed to this address (services/store/link-account.ts).
      return { sentence: `Made a store account and confirmed ${typeof data.email === 'string' ? data.email : 'their email'}`, details: [] };
    case 'customer.updated': {
      const changes = (data.changes ?? {}) as Record<string, unknown>;
      const fields = Object.keys(changes);
      const details = fields.map((field) => changeDetail(field, changes[field], names)).filter((d): d is string => d !== null);
      const source = importSource(data);
      if (source) {
        const what = listInWords(fields.map(customerFieldLabel)) || 'the default address';
        return { sentence: `${actor} updated ${what} from ${source.file}`, details: [...details, ...(data.defaultAddress ? ['New default address'] : []), ...source.details] };
      }
      return { sentence: `${actor} changed ${listInWords(fields.map(customerFieldLabel)) || 'the profile'}`, details };
    }
    case 'customer.group_changed': {
      const to = typeof data.to === 'string' ? groupName(data.to, names) : null;
      const from = typeof data.from === 'string' ? groupName(data.from, names) : null;
      if (!to) return { sentence: `${actor} removed them from ${from ?? 'their group'}`, details: [] };
      return { sentence: from ? `${actor} moved them from ${from} to ${to}` : `${actor} added them to ${to}`, details: [] };
    }
    case 'customer.tags_added':
    case 'customer.tags_removed': {
      // From the customer list's bulk actions (services/customers/bulk-tags.ts): the tags gained or lost, as spelt.
      const tags = Array.isArray(data.tags) ? data.tags.filter((tag): tag is string => typeof tag === 'string') : [];
      const verb = event.type === 'customer.tags_added' ? 'added' : 'removed';
      return { sentence: `${actor} ${verb} the ${tags.length === 1 ? 'tag' : 'tags'} ${listInWords(tags.map((tag) => `“${tag}”`)) || '(none)'}`, details: [] };
    }
    case 'address.added':
      return { sentence: `${actor} added an address${place(data, names) ? ` in ${place(data, names)}` : ''}`, details: [] };
    case 'address.updated': {
      const fields = Array.isArray(data.fields) ? (data.fields as string[]) : [];
      const defaults = [fields.includes('isDefaultShipping') && 'shipping', fields.includes('isDefaultBilling') && 'billing'].filter(Boolean) as string[];
      if (defaults.length && defaults.length === fields.length) return { sentence: `${actor} set the default ${listInWords(defaults)} address`, details: [] };
      return { sentence: `${actor} updated an address`, details: [] };
    }
    case 'address.removed':
      return { sentence: `${actor} removed an address${place(data, names) ? ` in ${place(data, names)}` : ''}`, details: [] };
    case 'order.placed':
    case 'order.completed':
    case 'order.cancelled':
    case 'order.refunded':
      return { sentence: describeOrderEvent(event.type, actor, data, names), details: typeof data.reason === 'string' && data.reason ? [`Reason: ${show(data.reason)}`] : [] };
    case 'orders.imported':
      return describeImport(actor, data, names);
    case 'customer.erased':
      return { sentence: `${actor} erased their personal data`, details: [] };
    default: {
      // Events from other modules (orders, classification, ...) still read well until they get their own wording.
      const what = event.type.replace(/[._]/g, ' ');
      return { sentence: `${actor}: ${what}`, details: [] };
    }
  }
}

function describeOrderEvent(type: string, actor: string, data: Record<string, unknown>, names: EventNames): string {
  const order = typeof data.orderNumber === 'string' ? `order ${data.orderNumber}` : 'an order';
  const amount = (value: unknown) => (typeof value === 'number' ? ` (${names.money(value)})` : '');
  if (type === 'order.placed') return `${actor} placed ${order}${amount(data.total)}`;
  if (type === 'order.completed') return `${actor} completed ${order}${amount(data.total)}`;
  if (type === 'order.cancelled') return `${actor} cancelled ${order}`;
  if (data.full === true) return `${actor} refunded ${order} in full${amount(data.amount)}`;
  return `${actor} refunded${typeof data.amount === 'number' ? ` ${names.money(data.amount)} of` : ''} ${order}`;
}

// One entry per customer and batch of an order-history import (services/order-import).
function describeImport(actor: string, data: Record<string, unknown>, names: EventNames): EventText {
  const count = (value: unknown) => (typeof value === 'number' ? value : 0);
  const orders = count(data.orders);
  const from = typeof data.source === 'string' && data.source ? ` from ${data.source}` : '';
  const what = orders > 0 ? `${orders} ${orders === 1 ? 'order' : 'orders'} (${names.money(count(data.ordersTotal))})` : 'refunds';
  const details = count(data.refunded) > 0 ? [`Refunded ${names.money(count(data.refunded))} for cancelled invoices`] : [];
  return { sentence: `${actor} imported ${what}${from}`, details };
}
