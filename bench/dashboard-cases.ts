import { sql } from 'drizzle-orm';

import type { DatabaseHandle } from '@/db/client';
import type { Actor } from '@/lib/types';
import { getOverview } from '@/services/overview';
import { getStaffMetrics, listStaffPerformance } from '@/services/staff-metrics';

import type { BenchCase } from './cases';
import { rowsOf } from './database';
import { overviewFloor } from './floors';
import { staffListFloor, staffMemberFloor } from './staff-floors';

// Staff who created customers by hand, as a shop with a sales team would have: every 10th seeded customer goes to
// one of these, so that the staff pages read real cohorts (100,000 customers and their orders at a million).
const BENCH_STAFF = [
  { id: 'bench-staff-owner', name: 'Bench Owner', role: 'owner' },
  { id: 'bench-staff-ana', name: 'Ana Seller', role: 'staff' },
  { id: 'bench-staff-ben', name: 'Ben Seller', role: 'staff' },
  { id: 'bench-staff-cy', name: 'Cy Seller', role: 'admin' },
] as const;
const CREATED_BY_SHARE = 10;

const OWNER: Actor = { type: 'staff', id: BENCH_STAFF[0].id, role: 'owner', name: BENCH_STAFF[0].name };

/** Gives a tenth of the customers a creator among the bench staff, once; returns how many it assigned. */
export async function ensureStaffCreators(handle: DatabaseHandle): Promise<number> {
  const [{ assigned }] = await rowsOf<{ assigned: number }>(handle, sql`select count(*)::int as assigned from customers where created_by_id like 'bench-staff-%'`);
  if (assigned > 0) return 0;
  for (const member of BENCH_STAFF) {
    await handle.db.execute(sql`
      insert into staff_members (id, name, email, email_verified, role) values (${member.id}, ${member.name}, ${`${member.id}@bench.example`}, true, ${member.role})
      on conflict (id) do nothing`);
  }
  const ids = sql.join(BENCH_STAFF.map((member) => sql`${member.id}`), sql`, `);
  const [{ count }] = await rowsOf<{ count: number }>(
    handle,
    sql`with picked as (
          select id, row_number() over (order by id) as n from customers where created_by_id is null
        ), updated as (
          update customers c set created_by_id = (array[${ids}])[1 + (p.n / ${CREATED_BY_SHARE}) % ${BENCH_STAFF.length}]
          from picked p where p.id = c.id and p.n % ${CREATED_BY_SHARE} = 0 returning 1
        )
        select count(*)::int as count from updated`,
  );
  return count;
}

/** The dashboard overview and the staff pages as the owner sees them, each with its floor: the same figures in one statement, from the tables. */
export function buildDashboardCases(handle: DatabaseHandle): BenchCase[] {
  return [
    { name: 'dashboard overview', run: async () => (await getOverview()).topCustomers.length, floors: [overviewFloor(handle)] },
    { name: 'staff performance list (12 months)', run: async () => (await listStaffPerformance({ actor: OWNER })).data.length, floors: [staffListFloor(handle)] },
    {
      name: "a staff member's page (12 months)",
      run: async () => (await getStaffMetrics({ actor: OWNER, id: BENCH_STAFF[1].id })).months.length,
      floors: [staffMemberFloor(handle, BENCH_STAFF[1].id)],
    },
  ];
}
