#!/usr/bin/env node
// Every test: the Vitest suites on PGlite and, at the same time, on PostgreSQL when TEST_DATABASE_URL is set,
// then the browser journeys in Chromium against the production build (on each database, one after the other).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const reportDir = mkdtempSync(path.join(os.tmpdir(), 'customers-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
let failedRuns = 0;

/**
 * Runs Vitest suites at the same time, one process each. Vitest gives a 2-core machine one worker, so the PGlite run
 * (node alone) and the PostgreSQL run (node and the server) each leave a core mostly idle; side by side they take
 * about the time of the longer one. A lone suite prints as it goes; suites run together print their output, whole,
 * as each finishes, so the log reads suite by suite.
 */
async function runTogether(suites) {
  await Promise.all(suites.map((suite) => runSuite(suite, suites.length > 1)));
}

async function runSuite({ label, args, env }, buffered) {
  const slug = label.replace(/\W+/g, '-');
  const report = path.join(reportDir, `${slug}.json`);
  const log = path.join(reportDir, `${slug}.log`);
  if (!buffered) console.log(`\n=== ${label} ===`);
  const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
  // Both streams write to one file, which is ended (and flushed) once the process has closed them both.
  const out = buffered ? createWriteStream(log) : null;
  if (out) {
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
  }
  const started = Date.now();
  const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  if (out) {
    await new Promise((resolve) => out.end(resolve));
    console.log(`\n=== ${label} ===\n${readFileSync(log, 'utf8')}`);
  }
  console.log(`(${label}: ${Math.round((Date.now() - started) / 1000)} s)`);
  if (existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += summary.numPassedTests;
    totals.failed += summary.numFailedTests;
    totals.skipped += summary.numPendingTests + (summary.numTodoTests ?? 0);
    failures.push(...failedTests(label, summary));
  }
  if (status !== 0) failedRuns++;
}

// The end of the output is what a CI log keeps, so each failure is repeated there with its file and first message line.
function failedTests(label, summary) {
  return summary.testResults.flatMap((file) => {
    const where = path.relative(process.cwd(), file.name);
    const tests = file.assertionResults
      .filter((test) => test.status === 'failed')
      .map((test) => `${label}: ${where} > ${test.fullName}\n    ${firstLine(test.failureMessages?.[0])}`);
    if (tests.length === 0 && file.status === 'failed') tests.push(`${label}: ${where} (the file failed)\n    ${firstLine(file.message)}`);
    return tests;
  });
}

function firstLine(message) {
  return (message ?? '').split('\n').find((line) => line.trim() !== '')?.trim().slice(0, 300) ?? '';
}

const postgresUrl = process.env.TEST_DATABASE_URL;
const units = [{ label: 'unit and integration on PGlite', args: [], env: { TEST_DATABASE_URL: '' } }];
if (postgresUrl) units.push({ label: 'unit and integration on PostgreSQL', args: [], env: { TEST_DATABASE_URL: postgresUrl } });
else console.log('\nTEST_DATABASE_URL is not set: the PostgreSQL run of the suites is skipped.');
await runTogether(units);

if (!existsSync(CHROMIUM)) {
  const message = `Chromium is missing at ${CHROMIUM}: the browser suite cannot run. Install it with: apt-get install -y chromium`;
  if (process.env.CI) {
    console.error(`\n${message}`);
    failedRuns++;
  } else console.warn(`\nSKIPPED: ${message}`);
} else {
  if (!existsSync('.next/BUILD_ID')) {
    console.log('\n=== production build for the browser suite ===');
    const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) failedRuns++;
  }
  await runTogether([{ label: 'browser journeys on PGlite', args: ['--config', 'vitest.e2e.config.ts'], env: { TEST_DATABASE_URL: '' } }]);
  if (postgresUrl) await runTogether([{ label: 'browser journeys on PostgreSQL', args: ['--config', 'vitest.e2e.config.ts'], env: { TEST_DATABASE_URL: postgresUrl } }]);
}

if (failures.length > 0) console.log(`\nFailed:\n${failures.map((failure) => `- ${failure}`).join('\n')}`);
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedRuns > 0 || totals.failed > 0 ? 1 : 0);
