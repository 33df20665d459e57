import { writeFile } from 'node:fs/promises';

import { ERASE_CONFIRMATION } from '@/lib/privacy-types';
import { eraseCustomer, exportCustomerData } from '@/services/privacy';

import { UsageError, type CliCommand } from './types';

// A person's rights from the command line: everything stored about them as JSON, and erasure.

export const customerExportCommand: CliCommand = {
  usage: 'customer export <id> [--out FILE]',
  summary: 'Everything stored about one customer, as the JSON of GET /customers/{id}/export; to FILE, or printed.',
  options: { out: { type: 'string' } },
  positionals: 1,
  async run({ values, positionals, actor, print }) {
    const json = JSON.stringify(await exportCustomerData({ actor, customerId: positionals[0] }), null, 2);
    if (typeof values.out !== 'string') return print(json);
    await writeFile(values.out, `${json}\n`);
    print(`Wrote ${values.out}`);
  },
};

export const customerEraseCommand: CliCommand = {
  usage: `customer erase <id> --confirm ${ERASE_CONFIRMATION}`,
  summary: "Erase one customer's personal data, irreversibly, keeping their orders (as POST /customers/{id}/erase).",
  options: { confirm: { type: 'string' } },
  positionals: 1,
  async run({ values, positionals, actor, print }) {
    if (values.confirm !== ERASE_CONFIRMATION) throw new UsageError(`Erasure cannot be undone: add --confirm ${ERASE_CONFIRMATION}`);
    const customer = await eraseCustomer({ actor, customerId: positionals[0], input: { confirm: ERASE_CONFIRMATION } });
    print(`Erased ${customer.id} at ${customer.erasedAt}; ${customer.orderCount} completed order(s) kept.`);
  },
};
