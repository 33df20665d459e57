// An order's statuses, written once: the database column, the domain type, the API's enum and the stats rule
// (services/orders/customer-stats.ts) all take them from here. Imports nothing, so drizzle-kit can read it too.
export const ORDER_STATUSES = ['pending', 'completed', 'cancelled', 'refunded', 'partially_refunded'] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];
