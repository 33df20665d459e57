import type { Permission } from '@/lib/permissions';

/**
 * Every staff operation of /api/v1 and the permission it needs: the route checks it before it reads the path or the
 * body (so a role that may not gets 403 and learns nothing about its input), and the OpenAPI document says it. A test
 * holds this table, the route files and the document to the same set of operations.
 */
export const STAFF_OPERATIONS = {
  'GET /customers': 'customers:read',
  'POST /customers': 'customers:write',
  'POST /customers/import': 'customers:import',
  'GET /customers/export.csv': 'customers:export',
  'POST /customers/merge': 'customers:merge',
  // Deleting through it needs customers:delete as well (the service checks), as deleting one customer does.
  'POST /customers/bulk': 'customers:bulk_edit',
  'GET /customers/{id}': 'customers:read',
  'PATCH /customers/{id}': 'customers:write',
  'DELETE /customers/{id}': 'customers:delete',
  'GET /customers/{id}/events': 'customers:read',
  'POST /customers/{id}/addresses': 'customers:write',
  'PATCH /customers/{id}/addresses/{addressId}': 'customers:write',
  'DELETE /customers/{id}/addresses/{addressId}': 'customers:write',
  'GET /customers/{id}/orders': 'orders:read',
  'GET /customers/{id}/metrics': 'metrics:read',
  'POST /customers/{id}/classify': 'classification:suggest',
  'GET /customers/{id}/export': 'customers:privacy',
  'POST /customers/{id}/erase': 'customers:privacy',
  'GET /customer-groups': 'customer_groups:read',
  'POST /customer-groups': 'customer_groups:manage',
  'GET /customer-groups/{id}': 'customer_groups:read',
  'PATCH /customer-groups/{id}': 'customer_groups:manage',
  'DELETE /customer-groups/{id}': 'customer_groups:manage',
  'POST /customer-groups/{id}/members': 'customers:bulk_edit',
  'GET /orders': 'orders:read',
  'POST /orders': 'orders:write',
  'GET /orders/{id}': 'orders:read',
  'POST /orders/{id}/complete': 'orders:write',
  'POST /orders/{id}/cancel': 'orders:cancel',
  'POST /orders/{id}/refund': 'orders:refund',
  'GET /discounts': 'discounts:read',
  'POST /discounts': 'discounts:manage',
  'GET /discounts/{id}': 'discounts:read',
  'PATCH /discounts/{id}': 'discounts:manage',
  'DELETE /discounts/{id}': 'discounts:manage',
  'GET /discounts/{id}/eligibility': 'discounts:read',
  'GET /campaigns': 'campaigns:read',
  'POST /campaigns': 'campaigns:write',
  'GET /campaigns/{id}': 'campaigns:read',
  'GET /campaigns/{id}/audience': 'campaigns:read',
  'POST /campaigns/{id}/send': 'campaigns:send',
  'POST /campaigns/{id}/schedule': 'campaigns:send',
  'DELETE /campaigns/{id}/schedule': 'campaigns:send',
  'POST /campaigns/{id}/test': 'campaigns:send',
  'GET /metrics': 'metrics:read',
  'POST /metrics/recompute': 'metrics:compute',
  'PUT /metrics/settings': 'metrics:compute',
  'GET /classification-suggestions': 'classification:read',
  'POST /classification-suggestions/accept': 'classification:manage',
  'POST /classification-suggestions/reject': 'classification:manage',
  'POST /classification-suggestions/{id}/accept': 'classification:manage',
  'POST /classification-suggestions/{id}/reject': 'classification:manage',
  'GET /classification-runs': 'classification:read',
  'POST /classification-runs': 'classification:manage',
  'GET /classification-runs/{id}': 'classification:read',
  'POST /classification-runs/{id}/pause': 'classification:manage',
  'POST /classification-runs/{id}/resume': 'classification:manage',
  'POST /classification-runs/{id}/cancel': 'classification:manage',
  'GET /staff': 'staff:read',
  'GET /staff/{id}/metrics': 'staff:read',
  // Any staff member may ask; the job's kind says who may read it (an import: customers:import), else 403.
  'GET /jobs/{id}': 'customers:read',
  'GET /webhooks': 'webhooks:manage',
  'POST /webhooks': 'webhooks:manage',
  'GET /webhooks/{id}': 'webhooks:manage',
  'PATCH /webhooks/{id}': 'webhooks:manage',
  'DELETE /webhooks/{id}': 'webhooks:manage',
  'POST /webhooks/{id}/rotate-secret': 'webhooks:manage',
  'POST /webhooks/{id}/test': 'webhooks:manage',
  'GET /webhooks/{id}/deliveries': 'webhooks:manage',
  'POST /webhooks/{id}/deliveries/{deliveryId}/resend': 'webhooks:manage',
} as const satisfies Record<string, Permission>;

export type StaffOperation = keyof typeof STAFF_OPERATIONS;

/** The storefront's own operations: the signed-in customer, on their own record only. */
export const STORE_OPERATIONS = [
  'GET /store/me',
  'PATCH /store/me',
  'GET /store/me/addresses',
  'POST /store/me/addresses',
  'GET /store/me/addresses/{id}',
  'PATCH /store/me/addresses/{id}',
  'DELETE /store/me/addresses/{id}',
  'GET /store/me/orders',
  'GET /store/me/orders/{id}',
  'GET /store/me/export',
] as const;

export type StoreOperation = (typeof STORE_OPERATIONS)[number];

/** `{ id: string; addressId: string }` for 'PATCH /customers/{id}/addresses/{addressId}'. */
export type PathParams<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? { [K in Name]: string } & PathParams<Rest> : unknown;

// What a path id names, by the collection it follows, for the 404 of an id that cannot name a record.
const RECORD_BY_COLLECTION: Record<string, string> = {
  customers: 'customer',
  addresses: 'address',
  orders: 'order',
  'customer-groups': 'customer group',
  discounts: 'discount',
  campaigns: 'campaign',
  staff: 'staff member',
  'classification-runs': 'classification run',
  'classification-suggestions': 'suggestion',
  jobs: 'job',
  webhooks: 'webhook endpoint',
  deliveries: 'delivery',
};

/** The path parameters of an operation with what each names: 'GET /orders/{id}' → [['id', 'order']]. */
export function pathIdsOf(operation: string): [name: string, record: string][] {
  const segments = operation.split(' ')[1].split('/');
  return segments.flatMap((segment, index) => {
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    return name ? [[name, RECORD_BY_COLLECTION[segments[index - 1]] ?? 'record'] as [string, string]] : [];
  });
}
