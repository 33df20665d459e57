// Customers out as CSV: Shopify's current columns or this product's full set, streamed a page at a time.
export { exportCustomersCsv, EXPORT_PAGE_SIZE, type CustomerCsvExport } from './customer-export/export-customers';
