// npm run cli -- <command> [options]; `npm run cli -- help` lists the commands (they live in scripts/cli/).
import { parseArgs } from 'node:util';

import { getDatabase } from '@/db/client';
import type { Actor } from '@/lib/types';

import { COMMANDS, resolveCommand } from './cli/commands';
import { helpText } from './cli/help';
import { formatError } from './cli/output';
import { UsageError } from './cli/types';

const CLI_ACTOR: Actor = { type: 'system', id: null, role: 'owner', name: 'cli' };

const print = (line = '') => console.log(line);

/** Runs one command line and returns the exit code: 0 done, 1 failed, 2 bad usage. */
async function main(args: string[]): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h') {
    print(helpText(COMMANDS).join('\n'));
    return 0;
  }
  let usage = '';
  try {
    const { name, command, rest } = resolveCommand(args);
    usage = `Usage: npm run cli -- ${command.usage}`;
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      print(helpText(COMMANDS, name).join('\n'));
      return 0;
    }
    const expected = command.positionals ?? 0;
    if (expected !== Infinity && positionals.length !== expected) {
      throw new UsageError(positionals.length < expected ? 'Missing argument' : `Unexpected argument "${positionals[expected]}"`);
    }
    if (command.needsDatabase === false) {
      await command.run({ values, positionals, actor: CLI_ACTOR, print });
      return 0;
    }
    const database = getDatabase();
    try {
      await database.migrate();
      await command.run({ values, positionals, actor: CLI_ACTOR, print });
    } finally {
      await database.close();
    }
    return 0;
  } catch (error) {
    // parseArgs reports unknown or malformed options as TypeErrors with an ERR_PARSE_ARGS_* code.
    const isParseError = (error as { code?: unknown }).code?.toString().startsWith('ERR_PARSE_ARGS') ?? false;
    if (error instanceof UsageError || isParseError) {
      console.error(`Error: ${(error as Error).message}`);
      console.error(usage || 'Run "npm run cli -- help" to see the commands.');
      return 2;
    }
    formatError(error).forEach((line) => console.error(line));
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  // A command may set its own exit code for a finding (reconcile: 3 when stats drifted).
  if (code !== 0 || !process.exitCode) process.exitCode = code;
});
