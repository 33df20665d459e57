import { keysetCursor } from '../keyset-cursor';

/** Order pages are keyed by (placedAt, id), newest first: the order list, a customer's history and the storefront's. */
export const orderCursor = keysetCursor('orders', [{ kind: 'timestamp' }, { kind: 'uuid' }]);
