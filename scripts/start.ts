// `npm start`: builds the app when the build is missing or older than the sources, prepares the database
// (migrations, owner, demo data on first start), then serves it and says where and how to sign in.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { getDatabase } from '@/db/client';

import { setupDatabase } from './setup-database';

const BUILD_ID = '.next/BUILD_ID';

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild(): boolean {
  if (!existsSync(BUILD_ID)) return true;
  const built = statSync(BUILD_ID).mtimeMs;
  return newestSourceTime('src') > built || statSync('package-lock.json').mtimeMs > built;
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  if (needsBuild()) {
    console.log('Building the app (first start or changed sources)…');
    const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const database = getDatabase();
  console.log(`Database: ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${process.env.PGLITE_DATA_DIR ?? 'data/pglite'}`}`);
  await setupDatabase();
  // PGlite allows one process per data folder: hand it over to the server.
  await database.close();

  const port = process.env.PORT ?? '3000';
  const host = process.env.HOST ?? '0.0.0.0';
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port, '-H', host], { stdio: 'inherit' });
  const url = `http://localhost:${port}`;
  setTimeout(() => {
    console.log(`\nDashboard: ${url}/dashboard`);
    console.log(`Sign in as ${process.env.OWNER_EMAIL || 'owner@example.com'} with the password set in OWNER_PASSWORD or printed on first start.`);
    console.log(`Storefront account pages: ${url}/store (a demo customer's sign-in was printed on first start)`);
    console.log(`REST API: ${url}/api/v1 (OpenAPI at ${url}/api/v1/openapi.json)\n`);
  }, 1500);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
