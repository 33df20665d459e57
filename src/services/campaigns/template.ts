import { SHOP_NAME } from '@/lib/config';

// Said instead of an empty name ("Hello there"), e.g. for a customer imported with an email only.
export const NAME_FALLBACK = 'there';

export interface TemplateRecipient {
  firstName: string;
  lastName: string;
}

/** Fills {{firstName}}, {{lastName}}, {{fullName}} and {{shopName}}; the schema refuses other placeholders at save time. */
export function renderTemplate(template: string, recipient: TemplateRecipient): string {
  const firstName = recipient.firstName.trim();
  const lastName = recipient.lastName.trim();
  const values: Record<string, string> = {
    firstName: firstName || NAME_FALLBACK,
    lastName,
    fullName: `${firstName} ${lastName}`.trim() || NAME_FALLBACK,
    shopName: SHOP_NAME,
  };
  return template.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (token, name: string) => values[name] ?? token);
}
