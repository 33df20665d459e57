// Which mail providers deliver `a.b+shop@x` to `ab@x`: the one table the duplicate finder reads. The database column
// customers.email_canonical is generated from it (db/schema/customers.ts), and canonicalEmail below applies it in JS.
// Only providers known to behave so are listed: elsewhere a dot or a plus may make a different mailbox.

export interface EmailProviderRule {
  /** Domains that are one mailbox space (googlemail.com is gmail.com); the first is the canonical one. */
  domains: readonly string[];
  /** Dots in the local part are ignored (only Gmail). */
  ignoresDots: boolean;
  /** `+tag` suffixes of the local part are ignored. */
  ignoresPlusTags: boolean;
}

export const EMAIL_PROVIDER_RULES: readonly EmailProviderRule[] = [
  { domains: ['gmail.com', 'googlemail.com'], ignoresDots: true, ignoresPlusTags: true },
  { domains: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com'], ignoresDots: false, ignoresPlusTags: true },
  { domains: ['icloud.com', 'me.com', 'mac.com'], ignoresDots: false, ignoresPlusTags: true },
  { domains: ['fastmail.com', 'fastmail.fm'], ignoresDots: false, ignoresPlusTags: true },
  { domains: ['proton.me', 'protonmail.com', 'pm.me'], ignoresDots: false, ignoresPlusTags: true },
];

/** The mailbox an address reaches, lower-case: `Jo.Bloggs+shop@GoogleMail.com` → `jobloggs@gmail.com`. */
export function canonicalEmail(email: string): string {
  const lower = email.toLowerCase();
  const at = lower.indexOf('@');
  if (at < 0) return lower;
  let local = lower.slice(0, at);
  const domain = lower.slice(at + 1);
  const rule = EMAIL_PROVIDER_RULES.find((candidate) => candidate.domains.includes(domain));
  if (!rule) return lower;
  if (rule.ignoresPlusTags) local = local.split('+')[0];
  if (rule.ignoresDots) local = local.replaceAll('.', '');
  return `${local}@${rule.domains[0]}`;
}
