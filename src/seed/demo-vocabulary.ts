// Small, realistic vocabularies for demo customers. Only reserved example domains (RFC 2606), so no demo email can
// reach a real inbox.
export const DEMO_EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

/** Matches the running number at the end of a demo email's local part, e.g. ada.lovelace.123@example.com. */
export const DEMO_EMAIL_NUMBER_PATTERN = '\\.([0-9]+)@example\\.(?:com|org|net)$';

export const GENERAL_TAGS = [
  'newsletter',
  'returning',
  'referral',
  'instagram',
  'gift-buyer',
  'eco-conscious',
  'black-friday',
  'local-pickup',
  'early-adopter',
  'subscription',
  'reviewer',
  'high-returns',
] as const;

export const WHOLESALE_TAGS = ['b2b', 'wholesale', 'net-30', 'trade-show', 'reseller'] as const;
export const VIP_TAGS = ['vip', 'loyalty-club', 'priority-shipping'] as const;

export const DEMO_NOTES = [
  'Prefers delivery after 5pm on weekdays.',
  'Asked for invoices by email only.',
  'Please use paper packaging, no plastic.',
  'Met at the spring trade show.',
  'Leave parcels with the neighbour at no. 12 if out.',
  'Called about a late delivery; sent a 10% code as an apology.',
  'Buys gifts every December; likes gift wrapping.',
  'Requested a VAT invoice with company details.',
] as const;
