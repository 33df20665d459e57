export * from './api-keys';
export * from './customers';
export * from './staff';
export * from './orders';
export * from './marketing';
export * from './store-accounts';
export * from './engagement';
export * from './jobs';
