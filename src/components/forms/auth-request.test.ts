import { describe, expect, it } from 'vitest';

import { runAuthRequest } from './auth-request';

describe('runAuthRequest', () => {
  it('returns null on success, the status, code and wait on a refusal, and an empty failure when the network fails', async () => {
    expect(await runAuthRequest(async () => ({ error: null }))).toBeNull();
    const refused = await runAuthRequest(async ({ onError }) => {
      onError({ response: new Response(null, { status: 429, headers: { 'X-Retry-After': '12' } }) });
      return { error: { status: 429, code: 'TOO_MANY_EMAILS', message: 'slow down' } };
    });
    expect(refused).toMatchObject({ status: 429, code: 'TOO_MANY_EMAILS', retryAfter: 12, message: 'slow down' });
    expect(
      await runAuthRequest(async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).toEqual({});
  });
});
