import { describe, expect, it } from 'vitest';

import { addedTagsMessage, deletedMessage, removedTagsMessage } from './customers-bulk-messages';

describe('bulk action messages', () => {
  it('counts who got a tag, who had it and who was skipped for the 50-tag limit', () => {
    expect(addedTagsMessage(['vip'], { changed: 1204, unchanged: 36, overLimit: 0 })).toBe('Added “vip” to 1,204 customers; 36 already had it.');
    expect(addedTagsMessage(['vip', 'spring'], { changed: 1, unchanged: 0, overLimit: 2 })).toBe(
      'Added “vip” and “spring” to 1 customer; 2 skipped: they would pass 50 tags.',
    );
  });

  it('counts who lost a tag and who did not have it', () => {
    expect(removedTagsMessage(['vip'], { changed: 3, unchanged: 0, overLimit: 0 })).toBe('Removed “vip” from 3 customers.');
    expect(removedTagsMessage(['a', 'b'], { changed: 0, unchanged: 5, overLimit: 0 })).toBe('Removed “a” and “b” from 0 customers; 5 did not have any of them.');
  });

  it('says how many were deleted and how many kept for their orders', () => {
    expect(deletedMessage({ deleted: 40, keptWithOrders: 12 })).toBe('Deleted 40 customers; 12 with orders were kept.');
    expect(deletedMessage({ deleted: 1, keptWithOrders: 1 })).toBe('Deleted 1 customer; 1 with orders was kept.');
    expect(deletedMessage({ deleted: 2, keptWithOrders: 0 })).toBe('Deleted 2 customers.');
  });
});
