import { DomainError } from '@/services/errors';

/** Left-aligned plain-text columns, for terminals and for piping into other tools. */
export function formatTable(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** A short UTC time, e.g. 2025-06-01 12:00. */
export function formatTime(iso: string | null): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '-';
}

// Field paths are the services' input names (camelCase); on the command line they are --kebab-case options.
const toOption = (path: string) => `--${path.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The lines to print for a failure: the domain message and each field error, never a stack for expected errors. */
export function formatError(error: unknown): string[] {
  if (error instanceof DomainError) {
    return [`Error: ${error.message}`, ...(error.fieldErrors ?? []).map((field) => `  ${toOption(field.path)}: ${field.message}`)];
  }
  if (error instanceof Error) return [`Error: ${error.message}`, ...(process.env.DEBUG ? [error.stack ?? ''] : [])];
  return [`Error: ${String(error)}`];
}
