import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import type { TestProject } from 'vitest/node';

import { createThrowawayDatabase } from '@/test/server-database';

import { CHROMIUM_PATH } from './browser';
import { OWNER, seedE2eData } from './fixtures';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    apiKey: string;
    /** Where the server writes campaign messages (.eml files): OUTBOX_DIR of the e2e server. */
    outboxDir: string;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function waitForServer(url: string, server: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The app did not answer at ${url} within ${timeoutMs / 1000}s`);
}

/** Prepares a fresh database (migrations, owner, fixtures through the services), then serves the built app on it. */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`End-to-end tests need Chromium at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`);
  }
  if (!existsSync(path.join(process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) {
    throw new Error('End-to-end tests run against the production build: run `npm run build` first (npm test does this).');
  }

  const env: Record<string, string> = { ...(process.env as Record<string, string>), OWNER_EMAIL: OWNER.email, OWNER_PASSWORD: OWNER.password, SKIP_DEMO_DATA: '1', NEXT_TELEMETRY_DISABLED: '1', BETTER_AUTH_SECRET: 'e2e-only-secret-not-for-production-use', WEBHOOKS_ALLOW_PRIVATE: '1' };
  // Campaign messages go to a throw-away outbox that the specs read.
  const outboxDir = mkdtempSync(path.join(os.tmpdir(), 'customers-e2e-outbox-'));
  env.OUTBOX_DIR = outboxDir;
  let cleanupDatabase: () => Promise<void> = async () => {};
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const database = await createThrowawayDatabase(serverUrl, 'customers_e2e');
    env.DATABASE_URL = database.url;
    cleanupDatabase = database.drop;
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'customers-e2e-'));
    delete env.DATABASE_URL;
    env.PGLITE_DATA_DIR = path.join(dir, 'pglite');
    cleanupDatabase = async () => rmSync(dir, { recursive: true, force: true });
  }

  // Seed in this process, then close: PGlite allows one process at a time, and the server comes next.
  const apiKey = await seedE2eData(env);
  await (await import('./staff-fixtures')).seedStaffFixtures(env);

  const port = await freePort();
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let serverLog = '';
  server.stdout?.on('data', (chunk) => (serverLog += chunk));
  server.stderr?.on('data', (chunk) => (serverLog += chunk));
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${baseURL}/sign-in`, server);
  } catch (error) {
    server.kill('SIGKILL');
    console.error(serverLog);
    throw error;
  }
  project.provide('baseURL', baseURL);
  project.provide('apiKey', apiKey);
  project.provide('outboxDir', outboxDir);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (process.env.E2E_SERVER_LOG) console.log(serverLog);
    await cleanupDatabase();
    rmSync(outboxDir, { recursive: true, force: true });
  };
}
