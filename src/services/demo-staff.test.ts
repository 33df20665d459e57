import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { queryRows, getDb } from '@/db/client';
import { seedDemoData } from '@/seed/demo';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createDemoStaff } from './demo-staff';
import { listStaffPerformance } from './staff-metrics';
import { bootstrapOwner } from './staff';

withTestDatabase();

describe(`the demo team (${TEST_DB_KIND})`, () => {
  it('joins a shop with only its owner, and the demo customers are spread among all three', async () => {
    await bootstrapOwner({ email: 'owner@demo-staff.test', password: 'owner-password-1' });
    const team = await createDemoStaff();
    expect(team.map((member) => member.role)).toEqual(['staff', 'admin']);
    expect(team.every((member) => member.password.length >= 12)).toBe(true);
    expect(await createDemoStaff()).toEqual([]);

    await seedDemoData({ customers: 300, ordersPerCustomer: 2 });
    const creators = await queryRows<{ name: string; customers: number }>(
      getDb(),
      sql`select m.name, count(c.id)::int as customers from staff_members m left join customers c on c.created_by_id = m.id group by m.name order by m.name`,
    );
    expect(creators.map((row) => row.name)).toEqual(['Ada Okafor', 'Sam Patel', 'Shop Owner']);
    expect(creators.every((row) => row.customers > 0)).toBe(true);
    const owner = { type: 'system', id: null, role: 'owner', name: 'test' } as const;
    expect((await listStaffPerformance({ actor: owner })).data).toHaveLength(3);
  });
});
