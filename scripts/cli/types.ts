import type { ParseArgsConfig } from 'node:util';

import type { Actor } from '@/lib/types';

/** What a command gets: its parsed options and positionals, who is acting, and where to print. */
export interface CliInput {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  actor: Actor;
  print: (line?: string) => void;
}

export interface CliCommand {
  /** e.g. 'api-key revoke <id>' */
  usage: string;
  summary: string;
  options?: NonNullable<ParseArgsConfig['options']>;
  /** How many positionals follow the command words. */
  positionals?: number;
  /** False for commands that never touch the database (help). */
  needsDatabase?: boolean;
  run(input: CliInput): Promise<void>;
}

/** Bad command line (unknown command, missing option): printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

export function requireString(values: CliInput['values'], name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}
