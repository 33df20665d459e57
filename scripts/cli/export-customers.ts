import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { CUSTOMER_FILTER_KEYS } from '@/lib/validation/customer';
import type { CustomerExportQuery } from '@/lib/validation/customer-export';
import { exportCustomersCsv } from '@/services/customer-export';

import { UsageError, type CliCommand } from './types';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

// Every filter of the customer list is an option (--group-id, --min-spend ...), so a new filter needs no change here.
const QUERY_KEYS = [...CUSTOMER_FILTER_KEYS, 'sort', 'ids', 'format'] as const;

export const exportCustomersCommand: CliCommand = {
  usage: `export-customers [FILE|-] [--format shopify|full] [--sort createdAt:desc] [--ids ID,ID] ${CUSTOMER_FILTER_KEYS.map((key) => `[--${kebab(key)} …]`).join(' ')}`,
  summary:
    "Write the customers matching the list's filters as CSV to FILE, or to standard output (no FILE, or -): Shopify's current export columns, " +
    'or with --format full this product\'s own fields after them. Money filters are in minor units (--min-spend 5000 is 50.00), dates ISO 8601. Streamed: memory stays flat for any number of customers.',
  options: Object.fromEntries(QUERY_KEYS.map((key) => [kebab(key), { type: 'string' as const }])),
  positionals: Infinity,
  async run({ values, positionals, actor }) {
    if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}"`);
    const query = Object.fromEntries(QUERY_KEYS.flatMap((key) => (values[kebab(key)] === undefined ? [] : [[key, values[kebab(key)]]]))) as CustomerExportQuery;
    const file = positionals[0] ?? '-';
    const started = performance.now();
    // Checks the query before the file is created: a bad filter leaves no empty file behind.
    const exported = exportCustomersCsv({ actor, query });
    const source = Readable.from(exported.chunks);
    if (file === '-') await pipeline(source, process.stdout, { end: false });
    else await pipeline(source, createWriteStream(file));
    const seconds = (performance.now() - started) / 1000;
    // On stderr, so that standard output holds the CSV alone.
    console.error(`Exported ${exported.progress.rows.toLocaleString('en')} customers${file === '-' ? '' : ` to ${file}`} in ${seconds.toFixed(1)} s.`);
  },
};
