import { processClassificationRun, startClassificationRun } from '@/services/classification/runs';
import { countPendingSuggestionsByGroup, listSuggestions } from '@/services/classification/suggestions';

import { formatTable } from './output';
import { UsageError, type CliCommand } from './types';

const number = (value: number) => value.toLocaleString('en');

export const classifyCommand: CliCommand = {
  usage: 'classify [--examples 2]',
  summary:
    'Classify every customer now, in the foreground (the same run as the dashboard starts), and print the time taken, the pending suggestions per group and a few of each with their reasons.',
  options: { examples: { type: 'string' } },
  async run({ values, actor, print }) {
    const examples = values.examples === undefined ? 2 : Number(values.examples);
    if (!Number.isInteger(examples) || examples < 0 || examples > 50) throw new UsageError('--examples is a whole number from 0 to 50');
    const started = performance.now();
    const run = await startClassificationRun({ actor, inBackground: false });
    print(`Classifying ${number(run.total)} customers…`);
    const done = await processClassificationRun({ id: run.id });
    const seconds = (performance.now() - started) / 1000;
    print(`Classified ${number(done.processed)} customers in ${seconds.toFixed(1)} s: ${number(done.suggested)} new suggestions, ${number(done.fallbacks)} model fallbacks.`);
    if (done.status !== 'completed') print(`The run stopped (${done.status}${done.error ? `: ${done.error}` : ''}); resume it from the dashboard.`);

    const groups = await countPendingSuggestionsByGroup({ actor });
    print('');
    formatTable(['PENDING SUGGESTIONS', 'CUSTOMERS'], groups.map((group) => [group.groupName, number(group.count)])).forEach((line) => print(line));
    for (const group of examples > 0 ? groups : []) {
      const { data } = await listSuggestions({ actor, query: { suggestedGroupId: group.groupId, limit: examples } });
      for (const suggestion of data) {
        print('');
        print(`${suggestion.customerName} (${suggestion.customerId}): ${suggestion.currentGroupName ?? 'no group'} → ${suggestion.suggestedGroupName}, confidence ${suggestion.confidence}`);
        suggestion.reasons.forEach((reason) => print(`  - ${reason}`));
      }
    }
  },
};
