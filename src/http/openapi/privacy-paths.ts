import { customerEraseSchema } from '@/lib/validation/privacy';

import { jsonBody, jsonResponse, problems, ref } from './operations';
import { personalDataExportSchema } from './privacy-schemas';

const CUSTOMERS = ['Customers'];
const DOWNLOAD =
  'Answered as a download (`Content-Disposition: attachment; filename="customer-<id>-data-<date>.json"`, not cached). ' +
  'Holds the profile, addresses, consent and its history, every order with items and refunds (and what each refund took back), the timeline, ' +
  "metrics, classification suggestions, campaign deliveries, discount uses and the storefront login's email, name and dates: never a password hash, token or session.";

export const privacyInputSchemas = () => ({ CustomerErase: customerEraseSchema.strict() });
export const privacyOutputSchemas = () => ({ PersonalDataExport: personalDataExportSchema });

/** A person's rights over their data: the export (staff and the shopper) and erasure. */
export function privacyPaths() {
  const customerId = ref('parameters', 'CustomerId');
  return {
    '/customers/{id}/export': {
      parameters: [customerId],
      get: {
        operationId: 'exportCustomerData',
        tags: CUSTOMERS,
        summary: 'Everything stored about the customer, as JSON (right of access)',
        description: DOWNLOAD,
        responses: { 200: jsonResponse('The export', 'PersonalDataExport'), ...problems(403, 404) },
      },
    },
    '/customers/{id}/erase': {
      parameters: [customerId],
      post: {
        operationId: 'eraseCustomer',
        tags: CUSTOMERS,
        summary: "Erase the customer's personal data, irreversibly; orders and money stay",
        description:
          'Send `{ "confirm": "ERASE" }`. In one transaction: name (first name becomes "Erased customer"), email, phone, company, notes, tags, ' +
          'external id and consent are cleared; addresses deleted; timeline payloads replaced by `{ "redacted": true }` (types and times stay); ' +
          'campaign delivery addresses replaced; the storefront login deleted with its sessions; stored idempotent answers naming the customer forgotten. ' +
          'Orders, items, refunds and the stats stay, so the books still add up. Adds a `customer.erased` event naming who did it. ' +
          'The customer then leaves lists, search (unless `erased=include|only`), campaign audiences and merges, and cannot be edited. ' +
          'Erasing an erased customer changes nothing and answers 200 with the same customer.',
        requestBody: jsonBody('CustomerErase'),
        responses: { 200: jsonResponse('The erased customer', 'Customer'), ...problems(400, 403, 404, 409, 422) },
      },
    },
    '/store/me/export': {
      get: {
        operationId: 'exportMyData',
        tags: ['Store'],
        security: [{ storeSession: [] }],
        summary: 'Everything the shop stores about the signed-in customer, as JSON',
        description: `Only ever the signed-in customer's own record. ${DOWNLOAD}`,
        responses: { 200: jsonResponse('The export', 'PersonalDataExport'), ...problems() },
      },
    },
  };
}
