import type { CliCommand } from './types';

/** `help [command]`: every command's usage and summary, or those of one command group. */
export function helpCommand(commands: Record<string, CliCommand>): CliCommand {
  return {
    usage: 'help [command]',
    summary: 'Show the commands, or the usage of one of them.',
    positionals: Infinity,
    needsDatabase: false,
    async run({ positionals, print }) {
      print(helpText(commands, positionals.join(' ')).join('\n'));
    },
  };
}

export function helpText(commands: Record<string, CliCommand>, topic = ''): string[] {
  const shown = Object.entries(commands).filter(([name]) => !topic || name === topic || name.startsWith(`${topic} `));
  const entries = shown.length ? shown : Object.entries(commands);
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands run against the configured database (DATABASE_URL, else PGlite in PGLITE_DATA_DIR or ./data/pglite),',
    'after applying any pending migrations, as the system actor "cli" with owner rights.',
    '',
    ...entries.flatMap(([, command]) => [`  ${command.usage}`, `      ${command.summary}`]),
  ];
}
