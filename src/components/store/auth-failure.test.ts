import { describe, expect, it } from 'vitest';

import { ACCOUNT_THROTTLED_CODE } from '@/lib/sign-in-wait';

import { commonFailureMessage, MAIL_THROTTLED_CODE, runAuthRequest } from './auth-failure';

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

describe('runAuthRequest', () => {
  it('returns null on success, the status, code and wait on a refusal, and an empty failure when the network fails', async () => {
    expect(await runAuthRequest(async () => ({ error: null }))).toBeNull();
    const refused = await runAuthRequest(async ({ onError }) => {
      onError({ response: new Response(null, { status: 429, headers: { 'X-Retry-After': '12' } }) });
      return { error: { status: 429, code: MAIL_THROTTLED_CODE, message: 'slow down' } };
    });
    expect(refused).toMatchObject({ status: 429, code: MAIL_THROTTLED_CODE, retryAfter: 12, message: 'slow down' });
    expect(
      await runAuthRequest(async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).toEqual({});
  });
});
