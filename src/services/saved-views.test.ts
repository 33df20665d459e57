import { beforeAll, describe, expect, it } from 'vitest';

import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from './errors';
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView } from './saved-views';

withTestDatabase();

type StaffActor = Awaited<ReturnType<typeof createStaffActor>>;
let owner: StaffActor;
let admin: StaffActor;
let member: StaffActor;
let other: StaffActor;

beforeAll(async () => {
  owner = await createStaffActor('owner', 'Olivia Owner');
  admin = await createStaffActor('admin', 'Adam Admin');
  member = await createStaffActor('staff', 'Sam Staff');
  other = await createStaffActor('staff', 'Olga Other');
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error,
  );
}

const names = async (actor: StaffActor, list: 'customers' | 'orders' = 'customers') => (await listSavedViews({ actor, list })).map((view) => view.name);

describe(`saved views (${TEST_DB_KIND})`, () => {
  it('stores the query normalised: known keys in the schema’s order, no cursor, no defaults', async () => {
    const view = await createSavedView({ actor: owner, input: { list: 'customers', name: 'VIP London', query: '?sort=createdAt:desc&tag=london&cursor=abc&page=2&q=vip', shared: true } });
    expect(view).toMatchObject({ name: 'VIP London', query: 'q=vip&tag=london', shared: true, ownerId: owner.id, ownerName: 'Olivia Owner' });
  });

  it('refuses a view of the whole list, naming the query', async () => {
    const error = await rejection(createSavedView({ actor: member, input: { list: 'customers', name: 'Everything', query: 'sort=createdAt:desc&cursor=x' } }));
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).fieldErrors?.[0].path).toBe('query');
  });

  it('refuses a second view of the same name for one owner and list whatever its case, naming the field', async () => {
    const error = await rejection(createSavedView({ actor: owner, input: { list: 'customers', name: 'vip LONDON', query: 'tag=x' } }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).fieldErrors).toEqual([{ path: 'name', message: expect.stringContaining('already a view with this name') }]);
    // Another list, or another member, may use the name.
    await createSavedView({ actor: owner, input: { list: 'orders', name: 'VIP London', query: 'status=completed' } });
    await createSavedView({ actor: member, input: { list: 'customers', name: 'VIP London', query: 'tag=mine' } });
  });

  it('shows each member their own views and the shared ones, never another member’s private view', async () => {
    await createSavedView({ actor: member, input: { list: 'customers', name: 'My follow-ups', query: 'tag=follow-up' } });
    await createSavedView({ actor: admin, input: { list: 'customers', name: 'Admin private', query: 'tag=admin' } });
    expect(await names(member)).toEqual(['VIP London', 'VIP London', 'My follow-ups']);
    expect(await names(owner)).toEqual(['VIP London']);
    expect(await names(admin)).toEqual(['VIP London', 'Admin private']);
    expect(await names(other)).toEqual(['VIP London']);
    expect(await names(owner, 'orders')).toEqual(['VIP London']);
    expect(await names(member, 'orders')).toEqual([]);
  });

  it('lets only owners and admins share a view', async () => {
    const error = await rejection(createSavedView({ actor: member, input: { list: 'customers', name: 'Team?', query: 'tag=team', shared: true } }));
    expect(error).toBeInstanceOf(ForbiddenError);
    const mine = (await listSavedViews({ actor: member, list: 'customers' })).find((v) => v.name === 'My follow-ups')!;
    expect(await rejection(updateSavedView({ actor: member, id: mine.id, input: { shared: true } }))).toBeInstanceOf(ForbiddenError);
    // An admin cannot even find a member's private view to share it.
    expect(await rejection(updateSavedView({ actor: admin, id: mine.id, input: { shared: true } }))).toBeInstanceOf(NotFoundError);
  });

  it('lets a member rename, re-filter and delete their own views but not the team’s', async () => {
    const shared = (await listSavedViews({ actor: member, list: 'customers' })).find((v) => v.ownerId === owner.id)!;
    expect(await rejection(updateSavedView({ actor: member, id: shared.id, input: { name: 'Mine now' } }))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(updateSavedView({ actor: member, id: shared.id, input: { query: 'tag=other' } }))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(deleteSavedView({ actor: member, id: shared.id }))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(updateSavedView({ actor: member, id: shared.id, input: { shared: false } }))).toBeInstanceOf(ForbiddenError);

    const mine = (await listSavedViews({ actor: member, list: 'customers' })).find((v) => v.name === 'My follow-ups')!;
    const renamed = await updateSavedView({ actor: member, id: mine.id, input: { name: 'Call back', query: 'tag=call-back&sort=name:asc&cursor=zz' } });
    expect(renamed).toMatchObject({ name: 'Call back', query: 'tag=call-back&sort=name%3Aasc' });
    await deleteSavedView({ actor: member, id: mine.id });
    expect(await names(member)).toEqual(['VIP London', 'VIP London']);
  });

  it('lets an admin rename, unshare, share and delete a view shared by the owner', async () => {
    const shared = (await listSavedViews({ actor: admin, list: 'customers' })).find((v) => v.ownerId === owner.id)!;
    expect(await updateSavedView({ actor: admin, id: shared.id, input: { name: 'London VIPs' } })).toMatchObject({ name: 'London VIPs', ownerId: owner.id });
    await updateSavedView({ actor: admin, id: shared.id, input: { shared: false } });
    // Unshared, it is the owner's alone again.
    expect(await names(admin)).toEqual(['Admin private']);
    expect(await names(owner)).toEqual(['London VIPs']);
    await updateSavedView({ actor: owner, id: shared.id, input: { shared: true } });
    await deleteSavedView({ actor: admin, id: shared.id });
    expect(await names(owner)).toEqual([]);
  });

  it('refuses a rename onto another of the owner’s names, naming the field', async () => {
    const a = await createSavedView({ actor: other, input: { list: 'orders', name: 'Pending', query: 'status=pending' } });
    await createSavedView({ actor: other, input: { list: 'orders', name: 'Cancelled', query: 'status=cancelled' } });
    const error = await rejection(updateSavedView({ actor: other, id: a.id, input: { name: 'CANCELLED' } }));
    expect((error as ConflictError).fieldErrors?.[0].path).toBe('name');
  });

  it('answers "not found" for an id that is not a view, and refuses callers that are not staff members', async () => {
    expect(await rejection(deleteSavedView({ actor: owner, id: 'nope' }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(deleteSavedView({ actor: owner, id: crypto.randomUUID() }))).toBeInstanceOf(NotFoundError);
    const apiKey = { type: 'api_key', id: 'k', role: 'admin', name: 'key' } as const;
    expect(await rejection(listSavedViews({ actor: apiKey, list: 'customers' }))).toBeInstanceOf(ForbiddenError);
  });
});
