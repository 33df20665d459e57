import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customers } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { csvOf, headerOf } from './test-files';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { importCustomersCommand } from '../../../scripts/cli/import-customers';

withTestDatabase();

const actor: Actor = { type: 'system', id: null, role: 'owner', name: 'cli' };
let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'import-customers-cli-'));
  file = path.join(dir, 'shopify.csv');
  await writeFile(file, csvOf(headerOf('shopifyCurrent'), [{ 'First Name': 'Cli', Email: 'cli@example.com' }, { 'First Name': 'Bad', Email: 'bad@' }]));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function run(values: Record<string, boolean>) {
  const lines: string[] = [];
  await importCustomersCommand.run({ values, positionals: [file], actor, print: (line = '') => lines.push(line) });
  return lines;
}

describe(`npm run cli -- import-customers (${TEST_DB_KIND})`, () => {
  it('prints the dry run’s counts and row problems and writes nothing, then imports with the same report', async () => {
    const dry = await run({ 'dry-run': true });
    expect(dry).toContain('  would create     1');
    expect(dry).toContain('  errors           1');
    expect(dry).toContain('  line 3, Email: Enter a valid email address, like name@example.com');
    expect(await getDb().select().from(customers).where(eq(customers.email, 'cli@example.com'))).toHaveLength(0);

    const real = await run({});
    expect(real[0]).toMatch(/^Import job [0-9a-f-]{36} started\.$/);
    expect(real).toContain('  created          1');
    expect(real).toContain('  line 3, Email: Enter a valid email address, like name@example.com');
    expect(real.at(-1)).toMatch(/^Done in [\d.]+ s \([\d,]+ rows\/s\), peak memory \d+ MB\.$/);
    expect(await getDb().select().from(customers).where(eq(customers.email, 'cli@example.com'))).toHaveLength(1);
    expect(await run({ overwrite: true })).toContain('  unchanged        1');
  });
});
