// Domain types of duplicate detection and merging (services/customers/duplicates.ts, merge.ts).

/** Why two customers look like one person. */
export const DUPLICATE_REASONS = ['email', 'phone', 'name_postcode', 'name_street'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  email: 'Same email',
  phone: 'Same phone',
  name_postcode: 'Similar name, same postcode',
  name_street: 'Similar name, same street',
};

/** One side of a likely pair, as the list shows it. */
export interface DuplicateCandidate {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  orderCount: number;
  createdAt: string;
}

/** A likely pair, `a` the one with the lower id (the pair's key). */
export interface DuplicatePair {
  a: DuplicateCandidate;
  b: DuplicateCandidate;
  reasons: DuplicateReason[];
}

/** What a merge did. */
export interface CustomerMergeResult {
  targetId: string;
  sourceId: string;
  ordersMoved: number;
  addressesMoved: number;
}
