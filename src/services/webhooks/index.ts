export { emitCustomerWebhookEvent, emitWebhookEvent, redactWebhookEvents, emitWebhookEvents, webhookOutboxCtes } from './emit';
export { customerJsonSql } from './customer-json';
export { deliverDueWebhooks, retryDelayMs, startWebhookWorker, RETRY_WINDOW_MS } from './deliver';
export {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  resendWebhookDelivery,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from './endpoints';
