import { describe, expect, it } from 'vitest';

import { customerActorFromHeaders } from '@/auth/customer-actor';
import { getCustomerAuth } from '@/auth/customer-auth';
import { seedDemoData } from '@/seed/demo';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { getStoreProfile } from './account';
import { createDemoStoreLogin } from './demo-login';

withTestDatabase();

describe(`the demo customer's store login (${TEST_DB_KIND})`, () => {
  it('signs in as the demo customer who ordered most, and sees their orders', async () => {
    await seedDemoData({ customers: 40, ordersPerCustomer: 3 });
    const login = await createDemoStoreLogin();
    expect(login).not.toBeNull();
    const origin = 'http://localhost:3000';
    process.env.BETTER_AUTH_URL = origin;
    const response = await getCustomerAuth().handler(
      new Request(`${origin}/api/store/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, 'x-forwarded-for': '192.0.2.10' },
        body: JSON.stringify({ email: login!.email, password: login!.password }),
      }),
    );
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const actor = await customerActorFromHeaders(new Headers({ cookie }));
    const profile = await getStoreProfile({ customerId: actor!.id });
    expect(profile.email).toBe(login!.email);
    expect(profile.orderCount).toBeGreaterThan(0);
  });
});
