import type { CustomerRow } from '@/db/schema';
import { defaultMergeSide, MERGE_FIELDS, type MergeField, type MergeFieldChoices, type MergeSide } from '@/lib/validation/customer-merge';

type MergeValues = Pick<CustomerRow, MergeField | 'emailConsentAt' | 'smsConsentAt'>;

/** Which side gives each field: the choice when made, otherwise defaultMergeSide. */
export function resolveMergeSides(target: MergeValues, source: MergeValues, choices: MergeFieldChoices = {}): Record<MergeField, MergeSide> {
  return Object.fromEntries(
    MERGE_FIELDS.map((field) => [field, choices[field] ?? defaultMergeSide(target[field], source[field])]),
  ) as Record<MergeField, MergeSide>;
}

/** The merged values of the chosen fields; a consent comes with the time it was given on the side it came from. */
export function mergedValues(target: MergeValues, source: MergeValues, sides: Record<MergeField, MergeSide>): MergeValues {
  const from = (field: MergeField) => (sides[field] === 'source' ? source : target);
  const values = Object.fromEntries(MERGE_FIELDS.map((field) => [field, from(field)[field]])) as MergeValues;
  values.emailConsentAt = from('emailMarketingConsent').emailConsentAt;
  values.smsConsentAt = from('smsMarketingConsent').smsConsentAt;
  // SMS consent means nothing without a number to send to.
  if (!values.phone) {
    values.smsMarketingConsent = false;
    values.smsConsentAt = null;
  }
  return values;
}

/** Tags of both, the target's first, without case-insensitive repeats. */
export function unionTags(target: string[], source: string[]): string[] {
  const seen = new Set<string>();
  return [...target, ...source].filter((tag) => {
    const key = tag.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
