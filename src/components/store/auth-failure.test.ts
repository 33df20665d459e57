import { describe, expect, it } from 'vitest';

import { ACCOUNT_THROTTLED_CODE } from '@/lib/sign-in-wait';

import { commonFailureMessage, MAIL_THROTTLED_CODE } from './auth-failure';

describe('commonFailureMessage', () => {
  it('tells apart the per-email mail limit, the per-email sign-in limit and the per-network limit', () => {
    expect(commonFailureMessage({ status: 429, code: MAIL_THROTTLED_CODE, retryAfter: 30 })).toBe(
      'We have sent several emails to this address already. Check your inbox (and spam folder), or try again in 30 seconds.',
    );
    expect(commonFailureMessage({ status: 429, code: ACCOUNT_THROTTLED_CODE, retryAfter: 45 })).toBe('Too many failed attempts for this email. Try again in 45 seconds.');
    expect(commonFailureMessage({ status: 429 })).toBe('Too many attempts from this network. Try again in a minute.');
  });

  it('names the clock time when the wait is long', () => {
    expect(commonFailureMessage({ status: 429, code: MAIL_THROTTLED_CODE, retryAfter: 600 })).toMatch(/try again in 10 minutes \(at .+\)\.$/);
  });

  it('says whether the server failed or could not be reached', () => {
    expect(commonFailureMessage({ status: 500 })).toBe('Something went wrong on our side. Try again in a moment.');
    expect(commonFailureMessage({})).toBe('Could not reach the shop. Check your connection and try again.');
    expect(commonFailureMessage({ status: 403, code: 'INVALID_ORIGIN' })).toMatch(/address the shop does not recognise/);
  });
});
