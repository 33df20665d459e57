import { describe, expect, it } from 'vitest';

import { TEST_DB_KIND, withTestDatabase } from '@/test/database';
import { signUpStoreCustomer, STORE_TEST_PASSWORD } from '@/test/store-session';
import { UnauthorizedError, ValidationFailedError } from '@/services/errors';

import { verifyStorePassword } from './verify-store-password';

withTestDatabase();

describe(`verifyStorePassword (${TEST_DB_KIND})`, () => {
  it("accepts the signed-in shopper's password, refuses another naming `password`, and needs a session", async () => {
    const { cookie } = await signUpStoreCustomer({ email: 'verify.me@example.com', firstName: 'Vera', lastName: 'Fy' });
    const headers = new Headers({ cookie });
    await expect(verifyStorePassword(headers, STORE_TEST_PASSWORD)).resolves.toBeUndefined();
    const error = await verifyStorePassword(headers, 'not-my-password').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).fieldErrors).toEqual([{ path: 'password', message: expect.any(String) }]);
    await expect(verifyStorePassword(new Headers(), STORE_TEST_PASSWORD)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('stops guessing after 10 wrong passwords, even with the right one', async () => {
    const { cookie } = await signUpStoreCustomer({ email: 'guessed@example.com', firstName: 'Gus', lastName: 'Sed' });
    const headers = new Headers({ cookie });
    for (let attempt = 0; attempt < 10; attempt += 1) await expect(verifyStorePassword(headers, `guess-${attempt}`)).rejects.toBeInstanceOf(ValidationFailedError);
    const error = (await verifyStorePassword(headers, STORE_TEST_PASSWORD).catch((e: unknown) => e)) as { code?: string };
    expect(error.code).toBe('rate_limited');
  });
});
