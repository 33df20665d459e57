import { formatDate } from '@/lib/format';
import type { CustomerDetail } from '@/lib/types';
import type { MergeField } from '@/lib/validation/customer-merge';

/** A field's value in words for the comparison; null when there is none. */
export function mergeValueText(customer: CustomerDetail, field: MergeField): string | null {
  switch (field) {
    case 'customerGroupId':
      return customer.customerGroup?.name ?? null;
    case 'emailMarketingConsent':
      return customer.emailMarketingConsent ? `Given${customer.emailConsentAt ? ` ${formatDate(customer.emailConsentAt)}` : ''}` : null;
    case 'smsMarketingConsent':
      return customer.smsMarketingConsent ? `Given${customer.smsConsentAt ? ` ${formatDate(customer.smsConsentAt)}` : ''}` : null;
    default: {
      const value = customer[field];
      return value ? String(value) : null;
    }
  }
}

export const fullName = (customer: Pick<CustomerDetail, 'firstName' | 'lastName'>) => `${customer.firstName} ${customer.lastName}`.trim();

/** Tags of both, the kept record's first, without case-insensitive repeats (as the merge unions them). */
export function unionTagsPreview(target: string[], source: string[]): string[] {
  const seen = new Set<string>();
  return [...target, ...source].filter((tag) => !seen.has(tag.toLowerCase()) && Boolean(seen.add(tag.toLowerCase())));
}
