// The shop's currency (ISO 4217): every customer's totalSpend is in its minor units.
export const SHOP_CURRENCY = (process.env.SHOP_CURRENCY ?? 'GBP').toUpperCase();
export const SHOP_NAME = process.env.SHOP_NAME ?? 'Demo Gift Shop';
