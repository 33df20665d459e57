import path from 'node:path';

import { defineConfig } from 'vitest/config';

// End-to-end journeys in Debian's Chromium (driven by playwright-core) against `next start` on a fresh database.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname, 'src') } },
  test: {
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One server and one browser per file would be wasteful: files run one after another against the same server.
    fileParallelism: false,
  },
});
