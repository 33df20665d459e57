import { customerAddressSchema, customerSchema, orderSchema } from './schemas';

// Response shapes of /store: what a signed-in customer sees of their own record, derived from the staff shapes so
// that the two cannot drift. store-schemas.test.ts checks that each output type equals its lib/types.ts type.

/** StoreProfile: never staff notes, tags, the creating staff member or the external id. */
export const storeProfileSchema = customerSchema
  .pick({
    id: true,
    firstName: true,
    lastName: true,
    email: true,
    phone: true,
    customerGroup: true,
    emailMarketingConsent: true,
    emailConsentAt: true,
    smsMarketingConsent: true,
    smsConsentAt: true,
    totalSpend: true,
    currency: true,
    orderCount: true,
    version: true,
  })
  .extend({
    memberSince: customerSchema.shape.createdAt.describe('When the shop first knew the customer, which may be before they made an account'),
  });

/** A customer's own address: the same shape staff see. */
// A copy (describe clones), so that it can be a component of its own beside CustomerAddress.
export const storeAddressSchema = customerAddressSchema.describe('One of your addresses');

/** A customer's own order: the order without who at the shop entered it. */
export const storeOrderSchema = orderSchema.omit({ createdById: true, customer: true });
