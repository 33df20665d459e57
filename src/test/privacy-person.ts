// Test helper: one person with something of theirs in every place the module keeps personal data (profile, consent,
// addresses, orders with a discount and a refund whose reason quotes them, a campaign delivery, a model's suggestion
// naming them, a storefront login with a session, a stored idempotent answer), made through the services and the API
// as staff and the shopper would, with values distinctive enough that finding one anywhere means it was copied there.
import { eq } from 'drizzle-orm';

import * as addressRoutes from '@/app/api/v1/customers/[id]/addresses/route';
import { getDb } from '@/db/client';
import { classificationSuggestions, customerGroups } from '@/db/schema';
import { apiKey, call } from '@/http/test-http';
import type { Actor } from '@/lib/types';
import { createCampaign, sendCampaign } from '@/services/campaigns';
import { createCustomer, updateCustomer } from '@/services/customers';
import { createDiscount } from '@/services/discounts';
import { completeOrder, createOrder, refundOrder } from '@/services/orders';

import { signUpStoreCustomer, type StoreCustomerSession } from './store-session';

export interface Person {
  id: string;
  session: StoreCustomerSession;
  /** Every personal value stored, none of which may survive an erasure anywhere in the database. */
  values: string[];
  completedOrderId: string;
  pendingOrderId: string;
}

let count = 0;

/** A person as described above; `tag` keeps the values of several people in one database apart. */
export async function createPerson(admin: Actor, tag = `p${count + 1}`): Promise<Person> {
  count += 1;
  const phone = `+447911${String(1_000_000 + count * 2).slice(1)}`;
  const addressPhone = `+447911${String(1_000_001 + count * 2).slice(1)}`;
  const first = `Ottoline${tag}`;
  const last = `Quixley-Brandt${tag}`;
  const email = `ottoline.quixley.${tag}@zephyrine.test`;
  const company = `Zephyrine Antiques ${tag} Ltd`;
  const notes = `Prefers Thursday deliveries to the back gate ${tag}`;
  const tags = [`heirloom-${tag}`, `zeta-club-${tag}`];
  const [vip] = await getDb().select().from(customerGroups).where(eq(customerGroups.name, 'VIP'));

  const customer = await createCustomer({ actor: admin, input: { firstName: first, lastName: last, email, phone, company, notes, tags } });
  await updateCustomer({ actor: admin, id: customer.id, input: { emailMarketingConsent: true, customerGroupId: vip.id } });
  const address = { firstName: first, lastName: last, company, line1: `17 Wisteria Crescent ${tag}`, line2: `Flat 4b ${tag}`, city: `Llanfairfechan${tag}`, region: `Conwy${tag}`, postalCode: `LL${10 + (count % 90)} 7QX`, countryCode: 'GB', phone: addressPhone };
  const key = await apiKey('admin');
  const added = await call(addressRoutes.POST, 'POST', `/customers/${customer.id}/addresses`, {
    key,
    params: { id: customer.id },
    body: address,
    headers: { 'idempotency-key': `address-${tag}` },
  });
  if (added.status !== 201) throw new Error(`createPerson: address answered ${added.status}`);

  const discount = await createDiscount({ actor: admin, input: { code: `THANKS${tag}`.toUpperCase(), kind: 'fixed_amount', value: 500 } });
  const order = await createOrder({ actor: admin, input: { customerId: customer.id, discountCode: discount.code, items: [{ sku: 'VASE-1', name: 'Blue vase', quantity: 2, unitPrice: 4500 }] } });
  await completeOrder({ actor: admin, id: order.id });
  await refundOrder({ actor: admin, id: order.id, input: { amount: 1000, reason: `${first} ${last} said one vase arrived cracked` } });
  const pending = await createOrder({ actor: admin, input: { customerId: customer.id, items: [{ sku: 'LAMP-1', name: 'Lamp', quantity: 1, unitPrice: 3000 }] } });

  const campaign = await createCampaign({ actor: admin, input: { name: `Spring ${tag}`, channel: 'email', subject: 'Hi {{firstName}}', body: 'Dear {{fullName}}', customerGroupIds: [vip.id] } });
  await sendCampaign({ actor: admin, id: campaign.id, transport: async () => ({ messageId: `<${crypto.randomUUID()}@test>` }) });

  // A model's reasons may quote what it was shown.
  await getDb()
    .insert(classificationSuggestions)
    .values({ customerId: customer.id, suggestedGroupId: vip.id, confidence: 0.9, reasons: [`${first} ${last} of ${company} buys often`, 'Spent over £80'], source: 'model', model: 'test-model' });

  const session = await signUpStoreCustomer({ email, firstName: first, lastName: last });
  if (session.customerId !== customer.id) throw new Error('createPerson: the sign-up did not link to the customer');

  return {
    id: customer.id,
    session,
    values: [first, last, email, phone, addressPhone, company, notes, ...tags, address.line1, address.line2, address.city, address.region, address.postalCode],
    completedOrderId: order.id,
    pendingOrderId: pending.id,
  };
}
