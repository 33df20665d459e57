// Prepares the configured database: runs migrations, creates the owner on first start, and loads demo
// data into an empty shop. Safe to run on every start, and on several instances starting at once.
import { getDatabase } from '@/db/client';
import { isShopEmpty, seedDemoData } from '@/seed/demo';
import { createDemoStaff } from '@/services/demo-staff';
import { bootstrapOwner } from '@/services/staff';
import { createDemoStoreLogin } from '@/services/store/demo-login';

export const DEMO_CUSTOMERS = 2000;
// Advisory lock key of the first-start steps (owner, demo data), apart from the migrations' own.
const SETUP_LOCK_KEY = 6_240_002;

export async function setupDatabase({ log = console.log } = {}): Promise<void> {
  const database = getDatabase();
  await database.migrate();
  // Instances started at once on one empty database take turns: the first creates the owner and demo data, the others
  // find the owner there and the shop not empty.
  await database.exclusive(SETUP_LOCK_KEY, () => firstStart(log));
}

async function firstStart(log: (line: string) => void): Promise<void> {
  const owner = await bootstrapOwner({ email: process.env.OWNER_EMAIL, password: process.env.OWNER_PASSWORD });
  if (owner) {
    log(`Created the owner account: ${owner.email}`);
    if (owner.generated) log(`  Password (shown once, keep it safe): ${owner.password}`);
  }
  if (process.env.SKIP_DEMO_DATA !== '1' && (await isShopEmpty())) {
    const team = await createDemoStaff();
    for (const member of team) log(`  Demo ${member.role} account (shown once): ${member.email} / ${member.password}`);
    log(`Loading demo data (${DEMO_CUSTOMERS} customers)…`);
    const result = await seedDemoData({ customers: DEMO_CUSTOMERS });
    log(`  Loaded ${result.customers} customers and ${result.orders} orders.`);
    const storeLogin = await createDemoStoreLogin();
    if (storeLogin) log(`  Storefront account of a demo customer (shown once): ${storeLogin.email} / ${storeLogin.password}`);
  }
}
