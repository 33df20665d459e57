import { TAGS_MAX } from '@/lib/validation/customer';

import { listInWords } from './customer-event-text';

const number = (count: number) => count.toLocaleString('en-GB');

export const customersCount = (count: number) => `${number(count)} ${count === 1 ? 'customer' : 'customers'}`;

export const quotedTags = (tags: string[]) => listInWords(tags.map((tag) => `“${tag}”`));

interface TagCounts {
  changed: number;
  unchanged: number;
  overLimit: number;
}

/** "Added “vip” to 1,204 customers; 36 already had it." */
export function addedTagsMessage(tags: string[], { changed, unchanged, overLimit }: TagCounts): string {
  const it = tags.length === 1 ? 'it' : 'them';
  const parts = [`Added ${quotedTags(tags)} to ${customersCount(changed)}`];
  if (unchanged > 0) parts.push(`${number(unchanged)} already had ${it}`);
  if (overLimit > 0) parts.push(`${number(overLimit)} skipped: ${overLimit === 1 ? 'it' : 'they'} would pass ${TAGS_MAX} tags`);
  return `${parts.join('; ')}.`;
}

/** "Removed “vip” from 1,204 customers; 36 did not have it." */
export function removedTagsMessage(tags: string[], { changed, unchanged }: TagCounts): string {
  const parts = [`Removed ${quotedTags(tags)} from ${customersCount(changed)}`];
  if (unchanged > 0) parts.push(`${number(unchanged)} did not have ${tags.length === 1 ? 'it' : 'any of them'}`);
  return `${parts.join('; ')}.`;
}

/** "Deleted 40 customers; 12 with orders were kept." */
export function deletedMessage({ deleted, keptWithOrders }: { deleted: number; keptWithOrders: number }): string {
  const kept = keptWithOrders > 0 ? `; ${number(keptWithOrders)} with orders ${keptWithOrders === 1 ? 'was' : 'were'} kept` : '';
  return `Deleted ${customersCount(deleted)}${kept}.`;
}
