import { addCustomerAddress } from '@/services/customer-addresses';
import { createCustomer } from '@/services/customers';

const SYSTEM = { type: 'system', id: null, role: 'owner', name: 'e2e fixtures' } as const;

/**
 * Three customers shipping to Iceland, no one else's country in the e2e data, two of them agreeing to email
 * marketing: the customer list's combined filter (e2e/customers-list.spec.ts) finds exactly those two.
 */
export const ICELAND_CUSTOMERS = [
  { firstName: 'Hedy', lastName: 'Lamarr', email: 'hedy.lamarr@lists.example', emailMarketingConsent: true },
  { firstName: 'Bjork', lastName: 'Gudmundsdottir', email: 'bjork@lists.example', emailMarketingConsent: true },
  { firstName: 'Vigdis', lastName: 'Finnbogadottir', email: 'vigdis@lists.example', emailMarketingConsent: false },
] as const;

export async function seedCustomerListFixtures(): Promise<void> {
  for (const input of ICELAND_CUSTOMERS) {
    const customer = await createCustomer({ actor: SYSTEM, input });
    await addCustomerAddress({
      actor: SYSTEM,
      customerId: customer.id,
      input: { firstName: input.firstName, lastName: input.lastName, line1: 'Laugavegur 1', city: 'Reykjavik', postalCode: '101', countryCode: 'IS', isDefaultShipping: true },
    });
  }
}
