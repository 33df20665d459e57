import { randomUUID } from 'node:crypto';

import { base, en, Faker } from '@faker-js/faker';

import { countryFakers, DEMO_COUNTRIES, demoPhone, demoPostcode, type DemoCountry } from './demo-countries';
import type { DemoBuyerKind } from './demo-order-pricing';
import { addDemoOrders, type DemoBuyer, type DemoOrders } from './demo-orders';
import { DEMO_EMAIL_DOMAINS, DEMO_NOTES, GENERAL_TAGS, VIP_TAGS, WHOLESALE_TAGS } from './demo-vocabulary';

// Rows are shaped as the JSON records that demo-insert.ts reads with json_to_recordset, so keys are SQL column names.
export interface DemoCustomerRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string | null;
  company: string | null;
  notes: string;
  tags: string[];
  customer_group_id: string | null;
  email_marketing_consent: boolean;
  email_consent_at: string | null;
  sms_marketing_consent: boolean;
  sms_consent_at: string | null;
  created_by_id: string | null;
  created_at: string;
}

export interface DemoAddressRow {
  customer_id: string;
  first_name: string;
  last_name: string;
  company: string | null;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postal_code: string;
  country_code: string;
  phone: string | null;
  is_default_shipping: boolean;
  is_default_billing: boolean;
  created_at: string;
}

export interface DemoBatch extends DemoOrders {
  customers: DemoCustomerRow[];
  addresses: DemoAddressRow[];
}

export interface DemoContext {
  seed: number;
  /** Running number of the first customer; it makes emails unique (ada.lovelace.<number>@example.com). */
  firstNumber: number;
  groupIds: { retail: string | null; wholesaler: string | null; vip: string | null };
  /** Staff who may appear as creators (createdById), in a stable order. */
  staffIds: string[];
  /** Customers are created, and their orders placed, over the two years before this moment. */
  now: Date;
  /** Every order is in the shop currency. */
  currency: string;
  /** Average orders per customer; 0 for customers alone. */
  ordersPerCustomer: number;
}

const TWO_YEARS_MS = 730 * 24 * 60 * 60 * 1000;
const COUNTRY_WEIGHTS = DEMO_COUNTRIES.map((country) => ({ value: country, weight: country.weight }));
const DOMAIN_WEIGHTS = [
  { value: DEMO_EMAIL_DOMAINS[0], weight: 6 },
  { value: DEMO_EMAIL_DOMAINS[1], weight: 2 },
  { value: DEMO_EMAIL_DOMAINS[2], weight: 2 },
];

/** ASCII, lower-case email local part from name parts: "Zoë", "O'Brien" -> "zoe.obrien". */
export function emailLocalPart(...parts: string[]): string {
  const words = parts.map((part) =>
    part
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/ß/g, 'ss')
      .replace(/æ/g, 'ae')
      .replace(/œ/g, 'oe')
      .replace(/ø/g, 'o')
      .replace(/[^a-z0-9]+/g, ''),
  );
  return words.filter(Boolean).join('.') || 'customer';
}

/** The random source of demo orders: its own stream, so that orders never change who the customers are. */
export function demoOrdersRng(seed: number): Faker {
  const rng = new Faker({ locale: [en, base] });
  rng.seed([seed, 0x0de5]);
  return rng;
}

/**
 * Yields `count` demo customers with their addresses and order histories, `batchSize` customers at a time, so memory
 * stays flat for any count. Everything except ids comes from fakers seeded with `seed`, and no random draw depends on
 * the database, so the same seed gives the same people (and, from the same firstNumber, the same emails) and the same
 * orders on any database.
 */
export function* generateDemoBatches(context: DemoContext, count: number, batchSize: number): Generator<DemoBatch> {
  const rng = new Faker({ locale: [en, base] });
  rng.seed(context.seed);
  const fakers = countryFakers(context.seed);
  const ordersRng = demoOrdersRng(context.seed);
  for (let start = 0; start < count; start += batchSize) {
    const batch: DemoBatch = { customers: [], addresses: [], orders: [], items: [], refunds: [] };
    const end = Math.min(count, start + batchSize);
    for (let i = start; i < end; i++) {
      const buyer = addDemoCustomer(batch, rng, fakers, context, context.firstNumber + i);
      if (context.ordersPerCustomer > 0) addDemoOrders(batch, ordersRng, buyer, context);
    }
    yield batch;
  }
}

function addDemoCustomer(batch: DemoBatch, rng: Faker, fakers: Map<string, Faker>, context: DemoContext, number: number): DemoBuyer {
  const country = rng.helpers.weightedArrayElement(COUNTRY_WEIGHTS);
  const faker = fakers.get(country.code)!;
  const sex = faker.person.sexType();
  const firstName = faker.person.firstName(sex);
  const lastName = faker.person.lastName(sex);

  // Most shoppers are Retail or have no group; about 10% are wholesalers and 3% VIPs.
  const groupRoll = rng.number.float();
  const kind: DemoBuyerKind = groupRoll < 0.1 ? 'wholesaler' : groupRoll < 0.13 ? 'vip' : groupRoll < 0.73 ? 'retail' : 'none';
  const company = rng.number.float() < (kind === 'wholesaler' ? 0.9 : 0.06) ? faker.company.name() : null;
  const phone = rng.number.float() < (kind === 'wholesaler' ? 0.95 : 0.72) ? demoPhone(country, faker) : null;

  const nowMs = context.now.getTime();
  // Skewed towards recent sign-ups, as a growing shop's customer base is.
  const createdMs = nowMs - Math.floor(TWO_YEARS_MS * rng.number.float() ** 1.6);
  const createdAt = new Date(createdMs).toISOString();
  const laterThanCreation = () => new Date(createdMs + Math.floor((nowMs - createdMs) * rng.number.float())).toISOString();
  const hasEmailConsent = rng.number.float() < 0.45;
  const emailConsentAt = hasEmailConsent ? (rng.number.float() < 0.7 ? createdAt : laterThanCreation()) : null;
  const hasSmsConsent = phone !== null && rng.number.float() < 0.2;
  const smsConsentAt = hasSmsConsent ? laterThanCreation() : null;
  // Always drawn, staff or not, so that the staff table does not change the rest of the sequence.
  const isStaffCreated = rng.number.float() < 0.2;
  const staffPick = rng.number.int({ min: 0, max: 1_000_000 });
  const createdById = isStaffCreated && context.staffIds.length ? context.staffIds[staffPick % context.staffIds.length] : null;

  const customer: DemoCustomerRow = {
    id: randomUUID(),
    first_name: firstName,
    last_name: lastName,
    email: `${emailLocalPart(firstName, lastName)}.${number}@${rng.helpers.weightedArrayElement(DOMAIN_WEIGHTS)}`,
    phone,
    company,
    notes: rng.number.float() < 0.04 ? rng.helpers.arrayElement(DEMO_NOTES) : '',
    tags: demoTags(rng, kind),
    customer_group_id: kind === 'none' ? null : context.groupIds[kind],
    email_marketing_consent: hasEmailConsent,
    email_consent_at: emailConsentAt,
    sms_marketing_consent: hasSmsConsent,
    sms_consent_at: smsConsentAt,
    created_by_id: createdById,
    created_at: createdAt,
  };
  batch.customers.push(customer);
  addDemoAddresses(batch, rng, fakers, customer, country, laterThanCreation);
  // Orders ship to the default shipping address, which is in the customer's own country.
  return { id: customer.id, kind, createdMs, countryCode: country.code };
}

function demoTags(rng: Faker, kind: DemoBuyerKind): string[] {
  const tags: string[] = rng.helpers.arrayElements(GENERAL_TAGS, { min: 0, max: 2 });
  if (kind === 'wholesaler') tags.unshift(...rng.helpers.arrayElements(WHOLESALE_TAGS, { min: 1, max: 2 }));
  if (kind === 'vip') tags.unshift(...rng.helpers.arrayElements(VIP_TAGS, { min: 1, max: 2 }));
  return tags;
}

// One or two addresses; the first is the default shipping address, and billing is the first or (for some) the second.
function addDemoAddresses(
  batch: DemoBatch,
  rng: Faker,
  fakers: Map<string, Faker>,
  customer: DemoCustomerRow,
  country: DemoCountry,
  laterThanCreation: () => string,
): void {
  const hasSecond = rng.number.float() < 0.35;
  const secondCountry = hasSecond && rng.number.float() < 0.15 ? rng.helpers.weightedArrayElement(COUNTRY_WEIGHTS) : country;
  const isGift = hasSecond && rng.number.float() < 0.2;
  const isBillingOnSecond = hasSecond && !isGift && rng.number.float() < 0.3;
  const first = demoAddress(rng, fakers.get(country.code)!, country, customer, customer.created_at);
  batch.addresses.push({ ...first, is_default_shipping: true, is_default_billing: !isBillingOnSecond });
  if (!hasSecond) return;
  const faker = fakers.get(secondCountry.code)!;
  const recipient = isGift ? { ...customer, first_name: faker.person.firstName(), last_name: faker.person.lastName(), company: null, phone: null } : customer;
  const second = demoAddress(rng, faker, secondCountry, recipient, laterThanCreation());
  batch.addresses.push({ ...second, is_default_shipping: false, is_default_billing: isBillingOnSecond });
}

function demoAddress(
  rng: Faker,
  faker: Faker,
  country: DemoCountry,
  person: Pick<DemoCustomerRow, 'id' | 'first_name' | 'last_name' | 'company' | 'phone'>,
  createdAt: string,
): Omit<DemoAddressRow, 'is_default_shipping' | 'is_default_billing'> {
  return {
    customer_id: person.id,
    first_name: person.first_name,
    last_name: person.last_name,
    company: person.company,
    line1: faker.location.streetAddress(),
    line2: rng.number.float() < 0.2 ? faker.location.secondaryAddress() : null,
    city: faker.location.city(),
    region: country.hasRegion ? faker.location.state({ abbreviated: country.code !== 'ES' }) : null,
    postal_code: demoPostcode(country, faker),
    country_code: country.code,
    phone: person.phone && rng.number.float() < 0.6 ? person.phone : null,
    created_at: createdAt,
  };
}
