import { apiKeyCreate, apiKeyList, apiKeyRevoke } from './api-key';
import { classifyCommand } from './classify';
import { exportCustomersCommand } from './export-customers';
import { findDuplicatesCommand } from './find-duplicates';
import { helpCommand } from './help';
import { importCustomersCommand } from './import-customers';
import { importOrdersCommand } from './import-orders';
import { metricsCommand } from './metrics';
import { customerEraseCommand, customerExportCommand } from './privacy';
import { reconcile } from './reconcile';
import { staffCreate, staffDeactivate, staffReactivate } from './staff';
import { UsageError, type CliCommand } from './types';

// Command words -> handler.
export const COMMANDS: Record<string, CliCommand> = {
  'api-key create': apiKeyCreate,
  'api-key list': apiKeyList,
  'api-key revoke': apiKeyRevoke,
  classify: classifyCommand,
  'import-customers': importCustomersCommand,
  'customer erase': customerEraseCommand,
  'customer export': customerExportCommand,
  'export-customers': exportCustomersCommand,
  'find-duplicates': findDuplicatesCommand,
  'import-orders': importOrdersCommand,
  metrics: metricsCommand,
  reconcile,
  'staff create': staffCreate,
  'staff deactivate': staffDeactivate,
  'staff reactivate': staffReactivate,
};
COMMANDS.help = helpCommand(COMMANDS);

/** Finds the command named by the leading words of `args` (longest match) and returns it with the remaining args. */
export function resolveCommand(args: string[]): { name: string; command: CliCommand; rest: string[] } {
  let best: { name: string; words: number } | undefined;
  for (const name of Object.keys(COMMANDS)) {
    const words = name.split(' ');
    if (words.every((word, i) => args[i] === word) && (!best || words.length > best.words)) best = { name, words: words.length };
  }
  if (best) return { name: best.name, command: COMMANDS[best.name], rest: args.slice(best.words) };
  const group = Object.keys(COMMANDS).filter((name) => name.startsWith(`${args[0]} `));
  if (group.length) {
    const choices = group.map((name) => name.slice(args[0].length + 1)).join(', ');
    throw new UsageError(args[1] ? `Unknown ${args[0]} command "${args[1]}" (choose ${choices})` : `${args[0]} needs a command: ${choices}`);
  }
  throw new UsageError(`Unknown command "${args[0]}"`);
}
