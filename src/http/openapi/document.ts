import { WEBHOOKS_TAG, webhookInputSchemas, webhookOutputSchemas, webhookParameters } from './webhook-paths';
import { addressCreateSchema, addressSnapshotSchema, addressUpdateSchema } from '@/lib/validation/address';
import { campaignFieldsSchema, campaignScheduleSchema, campaignTestSchema } from '@/lib/validation/campaign';
import { uuidSchema } from '@/lib/validation/common';
import { customerCreateSchema, customerUpdateSchema } from '@/lib/validation/customer';
import { discountCreateSchema, discountUpdateSchema } from '@/lib/validation/discount';
import { customerGroupCreateSchema, customerGroupUpdateSchema, groupMembersBodySchema } from '@/lib/validation/customer-group';
import { orderCreateSchema, orderRefundSchema } from '@/lib/validation/order';

import { CLASSIFICATION_TAG, classificationInputSchemas, classificationOutputSchemas, classificationParameters } from './classification-paths';
import { campaignAudienceSchema, campaignRecipientSchema, campaignSchema, campaignSummarySchema, campaignTestResultSchema } from './campaign-schemas';
import { discountEligibilitySchema, discountSchema } from './discount-schemas';
import { componentSchemas, toJsonSchema } from './json-schema';
import { privacyInputSchemas, privacyOutputSchemas } from './privacy-paths';
import { METRICS_TAG, metricsInputSchemas, metricsOutputSchemas } from './metrics-paths';
import { importReportSchema, jobSchema } from './import-paths';
import { mergeInputSchemas, mergeOutputSchemas } from './merge-paths';
import { bulkInputSchemas, bulkOutputSchemas } from './bulk-paths';
import { buildPaths } from './paths';
import { IDEMPOTENCY_DESCRIPTION, withIdempotencyKeys } from './idempotency';
import { withPermissions } from './permissions';
import { STAFF_TAG, staffOutputSchemas, staffParameters } from './staff-paths';
import { STORE_SECURITY_SCHEME, STORE_TAG, storeInputSchemas, storeOutputSchemas, storeParameters } from './store-paths';
import {
  customerAddressSchema,
  customerDetailSchema,
  customerEventSchema,
  customerGroupDeletedSchema,
  customerGroupSchema,
  customerSchema,
  groupMembersMovedSchema,
  orderItemResponseSchema,
  orderAddressSchema,
  orderListItemSchema,
  orderSchema,
  orderSummarySchema,
  pageOf,
  problemSchema,
} from './schemas';

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** The OpenAPI 3.1 description of /api/v1, generated from the zod schemas that the routes validate with. */
export function buildOpenApiDocument() {
  const pathId = { schema: toJsonSchema(uuidSchema, 'input'), required: true, in: 'path' };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Customers API',
      version: '1.0.0',
      description:
        'REST API of the Customers module. JSON in and out; money in integer minor units beside a `currency`; times in ISO-8601 UTC. ' +
        'Errors are `application/problem+json` (RFC 9457); validation errors (422) list every invalid field in `errors`. ' +
        'Unknown body fields are refused (422) rather than ignored. Lists are keyset-paged: pass `nextCursor` back as `cursor`. ' +
        IDEMPOTENCY_DESCRIPTION,
    },
    // Relative to this document (served at /api/v1/openapi.json), so it is right on any host.
    servers: [{ url: '/api/v1' }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: 'Customers', description: 'Customer profiles, their timeline and addresses' },
      { name: 'Orders', description: "Orders and their lifecycle, which keeps the customer's stats" },
      { name: 'Customer groups', description: 'Groups that discounts and campaigns target' },
      { name: 'Discounts', description: 'Discount codes targeted to customer groups, and who may use them' },
      { name: 'Campaigns', description: 'Email and SMS campaigns to customer groups, respecting marketing consent' },
      STORE_TAG,
      METRICS_TAG,
      STAFF_TAG,
      CLASSIFICATION_TAG,
      WEBHOOKS_TAG,
      WEBHOOKS_TAG,
      { name: 'Meta', description: 'This document' },
    ],
    paths: withIdempotencyKeys(withPermissions(buildPaths())),
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API key (`cm_...`), created by an owner or admin in the dashboard or with `npm run cli -- api-key create --name N --role admin|staff`. ' +
            'The dashboard session cookie is accepted too.',
        },
        ...STORE_SECURITY_SCHEME,
      },
      parameters: {
        CustomerId: { ...pathId, name: 'id', description: 'The customer id' },
        AddressId: { ...pathId, name: 'addressId', description: 'The address id' },
        OrderId: { ...pathId, name: 'id', description: 'The order id' },
        CampaignId: { ...pathId, name: 'id', description: 'The campaign id' },
        CustomerGroupId: { ...pathId, name: 'id', description: 'The customer group id' },
        DiscountId: { ...pathId, name: 'id', description: 'The discount id' },
        JobId: { ...pathId, name: 'id', description: 'The job id (the `Location` of the answer that started it)' },
        ...storeParameters(),
        ...staffParameters(),
        ...classificationParameters(),
        ...webhookParameters(),
      },
      schemas: {
        ...componentSchemas(
          {
            CustomerCreate: customerCreateSchema.strict(),
            CustomerUpdate: customerUpdateSchema.strict(),
            AddressCreate: addressCreateSchema.strict(),
            AddressUpdate: addressUpdateSchema.strict(),
            OrderCreate: orderCreateSchema.strict(),
            OrderAddressInput: addressSnapshotSchema,
            OrderRefund: orderRefundSchema.strict(),
            CampaignCreate: campaignFieldsSchema.strict(),
            CampaignSchedule: campaignScheduleSchema.strict(),
            CampaignTest: campaignTestSchema.strict(),
            DiscountCreate: discountCreateSchema.strict(),
            DiscountUpdate: discountUpdateSchema.strict(),
            CustomerGroupCreate: customerGroupCreateSchema.strict(),
            CustomerGroupUpdate: customerGroupUpdateSchema.strict(),
            CustomerGroupMembersAssign: groupMembersBodySchema.strict(),
            ...storeInputSchemas(),
            ...metricsInputSchemas(),
            ...mergeInputSchemas(),
            ...bulkInputSchemas(),
            ...classificationInputSchemas(),
            ...privacyInputSchemas(),
            ...webhookInputSchemas(),
          },
          'input',
        ),
        ...componentSchemas(
          {
            Customer: customerSchema,
            CustomerDetail: customerDetailSchema,
            CustomerAddress: customerAddressSchema,
            CustomerEvent: customerEventSchema,
            CustomerGroup: customerGroupSchema,
            CustomerPage: pageOf(customerSchema),
            CustomerEventPage: pageOf(customerEventSchema),
            CustomerGroupList: pageOf(customerGroupSchema),
            CustomerGroupMembersMoved: groupMembersMovedSchema,
            CustomerGroupDeleted: customerGroupDeletedSchema,
            Order: orderSchema,
            OrderItem: orderItemResponseSchema,
            OrderAddress: orderAddressSchema,
            OrderSummary: orderSummarySchema,
            OrderListItem: orderListItemSchema,
            OrderPage: pageOf(orderListItemSchema),
            OrderSummaryPage: pageOf(orderSummarySchema),
            Campaign: campaignSchema,
            CampaignSummary: campaignSummarySchema,
            CampaignPage: pageOf(campaignSummarySchema),
            CampaignRecipient: campaignRecipientSchema,
            CampaignAudience: campaignAudienceSchema,
            CampaignTestResult: campaignTestResultSchema,
            Discount: discountSchema,
            DiscountPage: pageOf(discountSchema),
            DiscountEligibility: discountEligibilitySchema,
            ...storeOutputSchemas(),
            ...metricsOutputSchemas(),
            ...mergeOutputSchemas(),
            ...bulkOutputSchemas(),
            ...staffOutputSchemas(),
            ...classificationOutputSchemas(),
            ImportReport: importReportSchema.extend({ fileId: importReportSchema.shape.fileName.describe('The stored file (dry run): import it with ?fileId=') }),
            Job: jobSchema,
            ...privacyOutputSchemas(),
            ...webhookOutputSchemas(),
            Problem: problemSchema,
          },
          'output',
        ),
      },
      responses: {
        BadRequest: problemResponse('The body is not valid JSON, or was not sent as `content-type: application/json`; or the `Idempotency-Key` header is malformed'),
        Unauthorized: problemResponse('No credentials, or an unknown or revoked API key; for /store, no store session'),
        Forbidden: problemResponse('The role of the key or staff member does not allow this'),
        NotFound: problemResponse('No such resource'),
        Conflict: problemResponse(
          'Conflicts with stored data (email in use, stale `version`, customer has orders; an order status that does not allow the action), or a request with the same `Idempotency-Key` is still running; `errors` names the field, if one is at fault',
        ),
        ValidationFailed: problemResponse('Invalid fields or query parameters, or an `Idempotency-Key` already used for a different request; `errors` has one entry per field'),
      },
    },
  };
}
