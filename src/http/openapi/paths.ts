import type { z } from 'zod';

import { customerListQuerySchema } from '@/lib/validation/customer';

import { bulkPaths } from './bulk-paths';
import { groupPaths } from './group-paths';
import { importPaths } from './import-paths';
import { mergePaths } from './merge-paths';
import { jsonBody, jsonResponse, problems, queryParametersOf, ref } from './operations';
import { campaignPaths } from './campaign-paths';
import { discountPaths } from './discount-paths';
import { customerExportPaths } from './export-paths';
import { metricsPaths } from './metrics-paths';
import { privacyPaths } from './privacy-paths';
import { orderPaths } from './order-paths';
import { staffPaths } from './staff-paths';
import { classificationPaths } from './classification-paths';
import { storePaths } from './store-paths';
import { webhookPaths } from './webhook-paths';

type CustomerListParam = keyof z.input<typeof customerListQuerySchema>;

// Parameter prose; the constraints (types, ranges, enums, defaults) come from the schema itself.
export const LIST_PARAMETERS: Record<CustomerListParam, string> = {
  q: 'Search: every word must appear in the name, email, phone or company (partial match); phone-like input matches the digits',
  groupId: 'Only customers of this customer group (see GET /customer-groups); `none` for customers without a group',
  tag: 'Only customers with this tag',
  minSpend: 'Total spend at least this, in minor units (cents)',
  maxSpend: 'Total spend at most this, in minor units (cents)',
  lastOrderAfter: 'Last order on or after this time',
  lastOrderBefore: 'Last order on or before this time (customers without orders are left out)',
  createdById: 'Only customers created by hand by this staff member',
  rfmSegment: 'Only customers in this RFM segment of the last metrics run (POST /metrics/recompute); customers without orders have none',
  country: 'Only customers whose default shipping address is in this country (ISO 3166-1 alpha-2, e.g. GB)',
  emailConsent: '`yes`: only customers who agreed to email marketing; `no`: only those who did not',
  smsConsent: '`yes`: only customers who agreed to SMS marketing; `no`: only those who did not',
  hasAccount: '`yes`: only customers with a storefront account; `no`: only those without',
  minOrders: 'At least this many completed orders (as `orderCount`)',
  maxOrders: 'At most this many completed orders (as `orderCount`)',
  neverOrdered: '`yes`: only customers without a completed order; `no`: only those with one',
  erased: 'Erased customers (POST /customers/{id}/erase) are left out by default; `include` lists them too, `only` lists them alone',
  sort: 'Sort field and direction',
  limit: 'Page size',
  cursor: 'The `nextCursor` of the previous page, unchanged (valid only with the same sort and filters)',
};

const queryParameters = (names: CustomerListParam[]) => queryParametersOf(customerListQuerySchema, LIST_PARAMETERS, names);

const customerId = ref('parameters', 'CustomerId');
const addressId = ref('parameters', 'AddressId');
const CUSTOMERS = ['Customers'];

/** Every path of /api/v1, relative to the server URL. */
export function buildPaths() {
  return {
    '/customers': {
      get: {
        operationId: 'listCustomers',
        tags: CUSTOMERS,
        summary: 'List and search customers',
        description: 'Keyset-paged: `nextCursor` is null on the last page.',
        parameters: queryParameters(Object.keys(LIST_PARAMETERS) as CustomerListParam[]),
        responses: { 200: jsonResponse('A page of customers', 'CustomerPage'), ...problems(422) },
      },
      post: {
        operationId: 'createCustomer',
        tags: CUSTOMERS,
        summary: 'Create a customer',
        description:
          'Needs an email or a phone. Email is stored lower-case and unique regardless of case; phone is stored as E.164. ' +
          '`createdById` is the calling staff member for session callers, null for API keys.',
        requestBody: jsonBody('CustomerCreate'),
        responses: { 201: jsonResponse('The created customer', 'Customer'), ...problems(400, 403, 409, 422) },
      },
    },
    ...customerExportPaths(),
    '/customers/{id}': {
      parameters: [customerId],
      get: {
        operationId: 'getCustomer',
        tags: CUSTOMERS,
        summary: 'One customer with addresses, newest orders and metrics',
        responses: { 200: jsonResponse('The customer', 'CustomerDetail'), ...problems(404) },
      },
      patch: {
        operationId: 'updateCustomer',
        tags: CUSTOMERS,
        summary: 'Update some fields of a customer',
        description: 'Send the `version` you read to have the update refused (409) if someone changed the customer since.',
        requestBody: jsonBody('CustomerUpdate'),
        responses: { 200: jsonResponse('The updated customer', 'Customer'), ...problems(400, 403, 404, 409, 422) },
      },
      delete: {
        operationId: 'deleteCustomer',
        tags: CUSTOMERS,
        summary: 'Delete a customer without orders',
        description: 'A customer with orders cannot be deleted (409).',
        responses: { 204: { description: 'Deleted' }, ...problems(403, 404, 409) },
      },
    },
    '/customers/{id}/events': {
      parameters: [customerId],
      get: {
        operationId: 'listCustomerEvents',
        tags: CUSTOMERS,
        summary: "The customer's timeline, newest first",
        parameters: queryParameters(['limit', 'cursor']),
        responses: { 200: jsonResponse('A page of events', 'CustomerEventPage'), ...problems(404, 422) },
      },
    },
    '/customers/{id}/addresses': {
      parameters: [customerId],
      post: {
        operationId: 'addCustomerAddress',
        tags: CUSTOMERS,
        summary: 'Add an address',
        description: 'The first address becomes the default for shipping and billing; making an address a default unsets the previous one.',
        requestBody: jsonBody('AddressCreate'),
        responses: { 201: jsonResponse('The added address', 'CustomerAddress'), ...problems(400, 403, 404, 409, 422) },
      },
    },
    '/customers/{id}/addresses/{addressId}': {
      parameters: [customerId, addressId],
      patch: {
        operationId: 'updateCustomerAddress',
        tags: CUSTOMERS,
        summary: 'Update an address',
        requestBody: jsonBody('AddressUpdate'),
        responses: { 200: jsonResponse('The updated address', 'CustomerAddress'), ...problems(400, 403, 404, 409, 422) },
      },
      delete: {
        operationId: 'deleteCustomerAddress',
        tags: CUSTOMERS,
        summary: 'Remove an address',
        description: 'If it was a default, the newest remaining address takes over.',
        responses: { 204: { description: 'Removed' }, ...problems(403, 404) },
      },
    },
    ...orderPaths(),
    ...campaignPaths(),
    ...groupPaths(),
    ...importPaths(),
    ...mergePaths(),
    ...bulkPaths(),
    ...discountPaths(),
    ...storePaths(),
    ...metricsPaths(),
    ...staffPaths(),
    ...classificationPaths(),
    ...privacyPaths(),
    ...webhookPaths(),
    '/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        tags: ['Meta'],
        summary: 'This document',
        description: 'Public: it describes the API and holds no data.',
        security: [],
        responses: { 200: { description: 'The OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  };
}
