// A person's rights over their data: everything stored about them (export) and irreversible erasure.
export { eraseCustomer, PENDING_ORDERS_MESSAGE } from './erase-customer';
export { exportCustomerData } from './export-customer-data';
