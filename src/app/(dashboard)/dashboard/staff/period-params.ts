import { formatDate } from '@/lib/format';
import { resolveStaffPeriod } from '@/lib/validation/staff-metrics';
import { ValidationFailedError } from '@/services/errors';

export type PeriodSearchParams = Promise<{ from?: string | string[]; to?: string | string[] }>;

const one = (value: string | string[] | undefined) => (typeof value === 'string' && value ? value : undefined);

/** The ?from=&to= of a staff page, and the same as a query string for links that keep the period. */
export async function periodParams(searchParams: PeriodSearchParams): Promise<{ query: { from?: string; to?: string }; queryString: string }> {
  const params = await searchParams;
  const query = { from: one(params.from), to: one(params.to) };
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return { query, queryString: search.size ? `?${search}` : '' };
}

/**
 * Loads with the period asked for; a period that is not valid (a hand-edited URL, a start after the end) falls back to
 * the default period, with the reason to show.
 */
export async function withPeriodFallback<T>(load: (query: { from?: string; to?: string }) => Promise<T>, query: { from?: string; to?: string }): Promise<{ result: T; periodError: string | null }> {
  try {
    return { result: await load(query), periodError: null };
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    const reason = error.fieldErrors?.map((field) => `${field.path === 'to' ? 'To' : 'From'}: ${field.message}`).join('; ') || error.message;
    // Say the dates the default period covers: "the last 12 months" read as a year back from today, which it is not.
    const shown = resolveStaffPeriod({});
    const range = `${formatDate(`${shown.from}T12:00:00Z`)} to ${formatDate(`${shown.to}T12:00:00Z`)}`;
    return { result: await load({}), periodError: `That period could not be used (${reason}), so this shows ${range} instead.` };
  }
}
