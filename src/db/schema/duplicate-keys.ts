import { sql, type SQL } from 'drizzle-orm';

import { EMAIL_PROVIDER_RULES } from '../../lib/email-canonical';

// The SQL of the generated match keys that the duplicate finder joins on (services/customers/duplicates.ts). They are
// generated columns, so every writer (forms, API, imports, store sign-ups, the seed) keeps them right without knowing.
// Literals come from the constant provider table, never from input; a change of the table is a new migration.

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** customers.email_canonical: the mailbox an address reaches (lib/email-canonical.ts says which providers fold what). */
export function emailCanonicalSql(): SQL {
  const local = `split_part(email, '@', 1)`;
  const domain = `split_part(email, '@', 2)`;
  const branches = EMAIL_PROVIDER_RULES.map((rule) => {
    let key = local;
    if (rule.ignoresPlusTags) key = `split_part(${key}, '+', 1)`;
    if (rule.ignoresDots) key = `replace(${key}, '.', '')`;
    return `when ${domain} in (${rule.domains.map(literal).join(', ')}) then ${key} || '@' || ${literal(rule.domains[0])}`;
  });
  return sql.raw(`case ${branches.join(' ')} else email end`);
}

/** Letters and digits only, lower-case: "SW1A 1AA" and "sw1a1aa" are one postcode, "10 High St." and "10 high st" one line. */
export const alnumKeySql = (column: string): SQL => sql.raw(`nullif(lower(regexp_replace(${column}, '[^[:alnum:]]+', '', 'g')), '')`);
