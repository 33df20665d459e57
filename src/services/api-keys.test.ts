import { describe, expect, it } from 'vitest';

import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from './api-keys';
import { ForbiddenError, NotFoundError, ValidationFailedError } from './errors';

withTestDatabase();

describe(`API keys (${TEST_DB_KIND})`, () => {
  it('authenticates a new key as its role, stores only a hash, and stops it at once when revoked', async () => {
    const owner = await createStaffActor('owner', 'Olive Owner');
    const { key, apiKey } = await createApiKey({ actor: owner, input: { name: 'ERP sync', role: 'staff' } });
    expect(key).toMatch(/^cm_[\w-]{40,}$/);
    expect(await authenticateApiKey(key)).toMatchObject({ type: 'api_key', role: 'staff', name: 'ERP sync' });
    const listed = await listApiKeys({ actor: owner });
    expect(listed[0]).toMatchObject({ name: 'ERP sync', createdBy: 'Olive Owner', keyPrefix: key.slice(0, 10), revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(listed[0].lastUsedAt).not.toBeNull();

    await revokeApiKey({ actor: owner, id: apiKey.id });
    expect(await authenticateApiKey(key)).toBeNull();
    await expect(revokeApiKey({ actor: owner, id: apiKey.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rejects unknown and malformed keys', async () => {
    expect(await authenticateApiKey('cm_not-a-real-key')).toBeNull();
    expect(await authenticateApiKey('')).toBeNull();
  });

  it('lets only owners and admins manage keys, and names a bad role', async () => {
    const staff = await createStaffActor('staff');
    await expect(createApiKey({ actor: staff, input: { name: 'x', role: 'staff' } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listApiKeys({ actor: staff })).rejects.toBeInstanceOf(ForbiddenError);
    const admin = await createStaffActor('admin');
    const error = await createApiKey({ actor: admin, input: { name: 'x', role: 'owner' as 'admin' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).fieldErrors?.[0].path).toBe('role');
  });
});
