import type { z } from 'zod';

import { uuidSchema } from '@/lib/validation/common';
import { storeOrderListQuerySchema, storeProfileUpdateSchema } from '@/lib/validation/store-account';

import { toJsonSchema } from './json-schema';
import { jsonBody, jsonResponse, problems, queryParametersOf, ref } from './operations';
import { pageOf } from './schemas';
import { storeAddressSchema, storeOrderSchema, storeProfileSchema } from './store-schemas';

type StoreOrderListParam = keyof z.input<typeof storeOrderListQuerySchema>;

const ORDER_LIST_PARAMETERS: Record<StoreOrderListParam, string> = {
  limit: 'Page size',
  cursor: 'The `nextCursor` of the previous page, unchanged',
};

export const STORE_TAG = {
  name: 'Store',
  description:
    'For a headless storefront: the signed-in customer\'s own profile, addresses and orders. Authenticated by the store session cookie ' +
    '(sign up and sign in under /api/store/auth), never by an API key or a staff session. Another customer\'s address or order is a 404.',
};

/** The store session cookie; API keys and staff sessions are not customers. */
export const STORE_SECURITY_SCHEME = {
  storeSession: {
    type: 'apiKey',
    in: 'cookie',
    name: 'store.session_token',
    description:
      'The storefront session, set by POST /api/store/auth/sign-in/email or the email verification link. ' +
      'Over HTTPS the cookie is named `__Secure-store.session_token`. API keys and dashboard sessions are refused (401).',
  },
};

const STORE_SECURITY = [{ storeSession: [] }];
const STORE = [STORE_TAG.name];
const addressId = ref('parameters', 'StoreAddressId');
const orderId = ref('parameters', 'OrderId');

/** Path parameters the store paths declare, for components.parameters. */
export function storeParameters() {
  return { StoreAddressId: { name: 'id', in: 'path', required: true, schema: toJsonSchema(uuidSchema, 'input'), description: 'The id of one of your addresses' } };
}

/** Request and response schemas of the store paths, for components.schemas (input and output sides). */
export const storeInputSchemas = () => ({ StoreProfileUpdate: storeProfileUpdateSchema });
export const storeOutputSchemas = () => ({
  StoreProfile: storeProfileSchema,
  StoreAddress: storeAddressSchema,
  StoreAddressList: pageOf(storeAddressSchema).pick({ data: true }),
  StoreOrder: storeOrderSchema,
});

/** The paths under /store. */
export function storePaths() {
  return {
    '/store/me': {
      get: {
        operationId: 'getStoreProfile',
        tags: STORE,
        security: STORE_SECURITY,
        summary: 'Your profile',
        responses: { 200: jsonResponse('Your profile', 'StoreProfile'), ...problems() },
      },
      patch: {
        operationId: 'updateStoreProfile',
        tags: STORE,
        security: STORE_SECURITY,
        summary: 'Change your name, phone or marketing consent',
        description:
          'Only these fields; any other (email, customerGroupId, notes, tags) is a 422 naming it. Giving consent sets `emailConsentAt` / `smsConsentAt`. ' +
          'Send the `version` you read to have the change refused (409) if your profile changed since.',
        requestBody: jsonBody('StoreProfileUpdate'),
        responses: { 200: jsonResponse('Your updated profile', 'StoreProfile'), ...problems(400, 409, 422) },
      },
    },
    '/store/me/addresses': {
      get: {
        operationId: 'listStoreAddresses',
        tags: STORE,
        security: STORE_SECURITY,
        summary: 'Your addresses, defaults first, then oldest first',
        responses: { 200: jsonResponse('All your addresses', 'StoreAddressList'), ...problems() },
      },
      post: {
        operationId: 'addStoreAddress',
        tags: STORE,
        security: STORE_SECURITY,
        summary: 'Add an address',
        description: 'Your first address becomes the default for shipping and billing; making an address a default unsets the previous one.',
        requestBody: jsonBody('AddressCreate'),
        responses: {
          201: {
            ...jsonResponse('The added address', 'StoreAddress'),
            headers: { Location: { description: 'The path of the new address', required: true, schema: { type: 'string' } } },
          },
          ...problems(400, 422),
        },
      },
    },
    '/store/me/addresses/{id}': {
      parameters: [addressId],
      get: {
        operationId: 'getStoreAddress',
        tags: STORE,
        security: STORE_SECURITY,
        summary: 'One of your addresses',
        responses: { 200: jsonResponse('The address', 'StoreAddress'), ...problems(404) },
      },
      patch: {
        operationId: 'updateStoreAddress',
        tags: STORE,
        security: STORE_SECURITY,
        summary: 'Change an address or make it a default',
        requestBody: jsonBody('AddressUpdate'),
        responses: { 200: jsonResponse('The updated address', 'StoreAddress'), ...problems(400, 404, 422) },
      },
      delete: {
        operationId: 'deleteStoreAddress',
        tags: STORE,
        security: STORE_SECURITY,
        summary: 'Remove an address',
        description: 'If it was a default, your newest remaining address takes over.',
        responses: { 204: { description: 'Removed' }, ...problems(404) },
      },
    },
    '/store/me/orders': {
      get: {
        operationId: 'listStoreOrders',
        tags: STORE,
        security: STORE_SECURITY,
        summary: 'Your orders, newest first',
        description: 'Keyset-paged: `nextCursor` is null on the last page.',
        parameters: queryParametersOf(storeOrderListQuerySchema, ORDER_LIST_PARAMETERS, ['limit', 'cursor']),
        responses: { 200: jsonResponse('A page of your orders', 'OrderSummaryPage'), ...problems(422) },
      },
    },
    '/store/me/orders/{id}': {
      parameters: [orderId],
      get: {
        operationId: 'getStoreOrder',
        tags: STORE,
        security: STORE_SECURITY,
        summary: 'One of your orders with its items',
        responses: { 200: jsonResponse('The order', 'StoreOrder'), ...problems(404) },
      },
    },
  };
}
