import { sql, type SQL } from 'drizzle-orm';

import { SHOP_CURRENCY } from '@/lib/config';

const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A customer as the API returns it (services/customers/mapping.ts `toCustomer`), built in SQL from a row of
 * `customers` columns named `alias`, for set-based events (a bulk group move) that must not load rows into the app.
 * `group` is the alias of the joined customer_groups row (id, name), left-joined so it may be null.
 */
export function customerJsonSql(alias: string, group: string): SQL {
  const c = (column: string) => sql`${sql.identifier(alias)}.${sql.identifier(column)}`;
  const g = (column: string) => sql`${sql.identifier(group)}.${sql.identifier(column)}`;
  return sql`jsonb_build_object(
    'id', ${c('id')}, 'firstName', ${c('first_name')}, 'lastName', ${c('last_name')}, 'email', ${c('email')}, 'phone', ${c('phone')},
    'company', ${c('company')}, 'notes', ${c('notes')}, 'tags', to_jsonb(${c('tags')}),
    'customerGroupId', ${c('customer_group_id')},
    'customerGroup', case when ${g('id')} is null then null else jsonb_build_object('id', ${g('id')}, 'name', ${g('name')}) end,
    'emailMarketingConsent', ${c('email_marketing_consent')}, 'emailConsentAt', ${iso(c('email_consent_at'))},
    'smsMarketingConsent', ${c('sms_marketing_consent')}, 'smsConsentAt', ${iso(c('sms_consent_at'))},
    'createdById', ${c('created_by_id')}, 'userId', ${c('user_id')}, 'totalSpend', ${c('total_spend')}, 'currency', ${SHOP_CURRENCY}::text,
    'orderCount', ${c('order_count')}, 'firstOrderDate', ${iso(c('first_order_date'))}, 'lastOrderDate', ${iso(c('last_order_date'))},
    'version', ${c('version')}, 'erasedAt', ${iso(c('erased_at'))}, 'createdAt', ${iso(c('created_at'))}, 'updatedAt', ${iso(c('updated_at'))}
  )`;
}
