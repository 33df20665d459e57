import { DUPLICATE_REASON_LABELS } from '@/lib/customer-merge-types';
import { listDuplicateCustomers } from '@/services/customers';

import { formatTable } from './output';
import { UsageError, type CliCommand } from './types';

const PAGE = 100;

export const findDuplicatesCommand: CliCommand = {
  usage: 'find-duplicates [--show N]',
  summary: 'List likely duplicate customers (same email mailbox, same phone, or a similar name at one postcode or street) with the reason, as the Duplicates page does; dismissed pairs and erased customers are left out.',
  options: { show: { type: 'string' } },
  async run({ values, print }) {
    const show = values.show === undefined ? 50 : Number(values.show);
    if (!Number.isInteger(show) || show < 0) throw new UsageError('--show takes a whole number of pairs to list');
    const started = performance.now();
    const rows: string[][] = [];
    let total = 0;
    for (let cursor: string | null = null; ; ) {
      const page = await listDuplicateCustomers({ limit: PAGE, cursor });
      total += page.data.length;
      for (const pair of page.data) {
        if (rows.length < show) rows.push([pair.a.id, pair.a.name, pair.b.id, pair.b.name, pair.reasons.map((reason) => DUPLICATE_REASON_LABELS[reason]).join('; ')]);
      }
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (rows.length) formatTable(['customer', 'name', 'duplicate', 'name', 'why'], rows).forEach((line) => print(line));
    print(`${total.toLocaleString('en')} likely duplicate pair(s) in ${seconds} s${total > rows.length ? ` (${rows.length} shown; --show N for more)` : ''}.`);
  },
};
