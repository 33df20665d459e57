// The shop's configuration, read from the environment in one place. Server code reads every value; client
// components see only the NEXT_PUBLIC_ ones (the others fall back to their defaults there), so pages pass
// server values down as props.

/** The shop's currency (ISO 4217): every money amount, such as a customer's totalSpend, is in its minor units. */
export const SHOP_CURRENCY = (process.env.SHOP_CURRENCY ?? 'GBP').toUpperCase();
export const SHOP_NAME = process.env.SHOP_NAME ?? 'Demo Gift Shop';

/** BCP 47 locale for every number and date the dashboard shows. */
export const DISPLAY_LOCALE = process.env.NEXT_PUBLIC_DISPLAY_LOCALE || 'en-GB';
/** IANA time zone dates are shown in. */
export const DISPLAY_TIME_ZONE = process.env.NEXT_PUBLIC_DISPLAY_TIME_ZONE || 'UTC';

/**
 * The shop's public URL as configured (`BETTER_AUTH_URL`); undefined when unset, so staff and shoppers can sign in at
 * whatever address the app was opened. Read on each call because tests and the start script set it at run time.
 */
export function configuredPublicUrl(): string | undefined {
  return process.env.BETTER_AUTH_URL || undefined;
}

/**
 * The origin of every link the shop mails (account, reset, invitation) and better-auth's base URL: the configured
 * URL, else this server on localhost, the address `npm start` prints. Never the Host of the request that sent the
 * mail: one account would get links to localhost in one mail and 127.0.0.1 in the next, and a forged Host would
 * decide where a mailed token goes.
 */
export function publicUrl(): string {
  const url = configuredPublicUrl() ?? `http://localhost:${process.env.PORT || 3000}`;
  return URL.canParse(url) ? new URL(url).origin : url;
}
