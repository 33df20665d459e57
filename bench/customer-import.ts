// The customer CSV import at scale: a deterministic Shopify export of invented people is written to a temporary file,
// stored as an upload would be, and imported by the job; prints rows/s and memory (peak RSS, and RSS as it goes).
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';

import type { Actor } from '@/lib/types';
import { customerImportJob, startCustomerImport, storeImportFile, type ImportReport } from '@/services/customer-import';
import { readJob, runJobNow } from '@/services/jobs';

const HEADER =
  'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,' +
  'Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags';
const FIRST = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Tim', 'Barbara', 'Dennis', 'Frances', 'Ивана', '지민'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Berners-Lee', 'Liskov', 'Ritchie', 'Allen', 'Петрова', '김'];
const CITIES = ['London', 'Manchester', 'Leeds', 'Bristol', 'Glasgow', 'Cardiff'];
const BENCH_ACTOR: Actor = { type: 'system', id: null, role: 'owner', name: 'bench' };

/** Row `i` of the file: every row has an e-mail; half a phone, four in five an address; some tags and notes. */
function rowOf(i: number): string {
  const first = FIRST[i % FIRST.length];
  const last = LAST[(i * 7) % LAST.length];
  const hasAddress = i % 5 !== 0;
  const hasPhone = i % 2 === 0;
  // UK mobile numbers 07400 000000 onwards: valid, and unique per row.
  const phone = hasPhone ? `'+447${String(400_000_000 + i).padStart(9, '0')}` : '';
  return [
    `'${7_000_000_000_000 + i}`,
    ` ${first} `,
    last,
    `customer.${i}@example.com`,
    i % 3 === 0 ? 'yes' : 'no',
    i % 10 === 0 ? 'Acme Ltd' : '',
    hasAddress ? `${(i % 300) + 1} High Street` : '',
    hasAddress && i % 4 === 0 ? `Flat ${(i % 20) + 1}` : '',
    hasAddress ? CITIES[i % CITIES.length] : '',
    hasAddress ? 'ENG' : '',
    hasAddress || hasPhone ? 'GB' : '',
    hasAddress ? `'SW1A ${(i % 9) + 1}AA` : '',
    '',
    phone,
    hasPhone && i % 4 === 0 ? 'yes' : 'no',
    `${(i % 500).toFixed(2)}`,
    String(i % 7),
    i % 11 === 0 ? 'Prefers e-mail' : '',
    'no',
    i % 3 === 0 ? '"vip, newsletter"' : i % 3 === 1 ? 'newsletter' : '',
  ].join(',');
}

export async function writeFile(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${HEADER}\n`);
  const block: string[] = [];
  for (let i = 0; i < rows; i += 1) {
    block.push(rowOf(i));
    if (block.length === 10_000 || i === rows - 1) {
      if (!out.write(`${block.join('\n')}\n`)) await once(out, 'drain');
      block.length = 0;
    }
  }
  out.end();
  await once(out, 'finish');
}

const mb = (bytes: number) => Math.round(bytes / 1_048_576);

/** Generates, uploads and imports `rows` customers, printing as it goes; returns the upload's and the import's seconds. */
export async function measureCustomerImport(rows: number, log: (line?: string) => void): Promise<{ rows: number; uploadSeconds: number; seconds: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'customer-import-bench-'));
  try {
    const file = path.join(dir, `shopify-customers-${rows}.csv`);
    const generated = performance.now();
    await writeFile(file, rows);
    const size = (await stat(file)).size;
    log(`Customer import: generated ${rows.toLocaleString('en')} rows (${mb(size)} MB, Shopify current header) in ${((performance.now() - generated) / 1000).toFixed(1)} s.`);

    const uploadStarted = performance.now();
    const stored = await storeImportFile({ actor: BENCH_ACTOR, fileName: path.basename(file), body: createReadStream(file, { highWaterMark: 256 * 1024 }) });
    const uploadSeconds = (performance.now() - uploadStarted) / 1000;
    log(`  stored the upload (${stored.chunkCount} chunks) in ${uploadSeconds.toFixed(1)} s (${mb(size / uploadSeconds)} MB/s); RSS ${mb(process.memoryUsage.rss())} MB.`);

    const job = await startCustomerImport({ actor: BENCH_ACTOR, fileId: stored.id });
    const samples: string[] = [];
    let nextShare = 0.1;
    const sampler = setInterval(() => {
      void readJob(job.id).then((current) => {
        const share = current && current.progress.total ? current.progress.done / current.progress.total : 0;
        if (share >= nextShare) {
          samples.push(`${Math.round(share * 100)}%: ${mb(process.memoryUsage.rss())} MB`);
          nextShare = Math.floor(share * 10) / 10 + 0.1;
        }
      });
    }, 500);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    // startCustomerImport already runs it in this process; runJobNow returns null then, so wait for the job to end.
    await runJobNow({ id: job.id, definition: customerImportJob });
    let done = await readJob(job.id);
    while (done && ['queued', 'running'].includes(done.status)) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      done = await readJob(job.id);
    }
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    const report = done?.result as ImportReport | null;
    if (done?.status !== 'succeeded' || !report) throw new Error(`The import job ${done?.status}: ${done?.error}`);
    log(`  imported in ${seconds.toFixed(1)} s: ${Math.round(report.rows / seconds).toLocaleString('en')} rows/s (upload and import: ${Math.round(report.rows / (seconds + uploadSeconds)).toLocaleString('en')} rows/s)`);
    const cpu = process.cpuUsage(cpuBefore);
    // This process's CPU time (parsing, checking, building the batches), apart from the database's: on a busy machine
    // the wall-clock rate says more about the neighbours than about the import.
    log(`  this process used ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU: ${Math.round((cpu.user + cpu.system) / report.rows)} µs a row; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
    log(`  created ${report.created.toLocaleString('en')}, updated ${report.updated}, unchanged ${report.unchanged}, skipped ${report.skipped}, errors ${report.errors}`);
    log(`  peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB; RSS as it went: ${samples.join(', ')}`);
    return { rows: report.rows, uploadSeconds, seconds };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
