import { pipeline, type Readable } from 'node:stream';

import { CsvError, Parser } from 'csv-parse';

import { ValidationFailedError } from '../errors';

/** One CSV record: its fields, and the file line it starts on (1 = the first line), for messages. */
export interface CsvRecord {
  fields: string[];
  lineNumber: number;
}

/** A record that is not valid RFC 4180 (a stray quote, text after a closing quote, a quote never closed). */
export interface CsvProblem {
  error: string;
  lineNumber: number;
}

// No real record comes near this: it stops a quote left open by mistake from gathering the rest of the file.
const MAX_RECORD_CHARS = 100_000;

const PROBLEMS: Partial<Record<CsvError['code'], (field: number) => string>> = {
  INVALID_OPENING_QUOTE: (field) => `a quote inside unquoted field ${field}`,
  CSV_INVALID_CLOSING_QUOTE: (field) => `text after a closing quote in field ${field}`,
  CSV_QUOTE_NOT_CLOSED: () => 'a quoted field is never closed',
};

const tooLong = (lineNumber: number) =>
  new ValidationFailedError('The file is not valid CSV', [
    { path: 'file', message: `The record from line ${lineNumber} runs past ${MAX_RECORD_CHARS.toLocaleString('en')} characters: is a quote never closed?` },
  ]);

type Parsed = { fields: string[]; endLine: number } | CsvError;

/**
 * Tags each record with csv-parse's line count as it is pushed, i.e. the line the record ends on. The `info` option
 * gives the same, but copies the whole info object per record: half again the parse time.
 */
class LineTaggingParser extends Parser {
  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    return super.push(Array.isArray(chunk) ? { fields: chunk, endLine: this.info.lines } : chunk, encoding);
  }
}

/**
 * csv-parse counts each \r and \n inside a field as a line (\r\n as two), where a file line ends at \n. Counts both
 * and turns \r\n inside a field into \n, as reading the file line by line does.
 */
function countBreaks(fields: string[]): { returns: number; newlines: number } {
  let returns = 0;
  let newlines = 0;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (!/[\r\n]/.test(field)) continue;
    returns += field.split('\r').length - 1;
    newlines += field.split('\n').length - 1;
    fields[i] = field.replaceAll('\r\n', '\n');
  }
  return { returns, newlines };
}
const NO_BREAKS = { returns: 0, newlines: 0 };

/**
 * Streams RFC 4180 records from bytes, holding one chunk at a time: a BOM is dropped, lines end in \n or \r\n, a
 * quoted field may hold commas, doubled quotes and line breaks. A bad record is reported with its line and reading
 * goes on. Throws ValidationFailedError when a record runs past MAX_RECORD_CHARS (a quote never closed).
 */
export async function* readCsv(input: Readable | AsyncIterable<Buffer | string>): AsyncGenerator<CsvRecord | CsvProblem> {
  const parser: Parser = new LineTaggingParser({
    bom: true,
    // Both, whatever the first line ends in (csv-parse would otherwise settle on the first it meets).
    record_delimiter: ['\r\n', '\n'],
    // A record with more or fewer fields is the caller's to judge.
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    // Pushed, an error reaches the loop below in file order, between the records around it. (Thrown, it would
    // end the stream and drop the records still buffered before it.)
    on_skip: (error) => {
      if (error) parser.push(error);
    },
  });
  // A read or inflate error ends the parser with it, where the for-await below sees it.
  pipeline(input, parser, () => {});

  // Lines csv-parse counted that the file does not have (each \r inside a field), and where the next record starts.
  let extraLines = 0;
  let lastEndLine = 0;
  let nextLine = 1;
  let isAfterProblem = false;
  let lastProblemLine = 0;
  const problemLine = (error: CsvError) => (isAfterProblem ? Number(error.lines) - extraLines : nextLine);
  for await (const parsed of parser as AsyncIterable<Parsed>) {
    if (parsed instanceof CsvError) {
      // There is no telling where the next record would start.
      if (parsed.code === 'CSV_MAX_RECORD_SIZE') throw tooLong(problemLine(parsed));
      const line = Number(parsed.lines) - extraLines;
      // A line holds one record, however many rules it breaks.
      if (isAfterProblem && line === lastProblemLine) continue;
      const lineNumber = problemLine(parsed);
      isAfterProblem = true;
      lastProblemLine = line;
      const describe = PROBLEMS[parsed.code];
      yield { error: `Malformed CSV: ${describe ? describe(Number(parsed.column) + 1) : parsed.message}`, lineNumber };
      continue;
    }
    const { fields, endLine } = parsed;
    // Nearly always the record is the one line after the last, with no line break to count.
    const { returns, newlines } = !isAfterProblem && endLine === lastEndLine + 1 ? NO_BREAKS : countBreaks(fields);
    const lineNumber = endLine - returns - newlines - extraLines;
    extraLines += returns;
    lastEndLine = endLine;
    nextLine = lineNumber + 1 + newlines;
    isAfterProblem = false;
    yield { fields, lineNumber };
  }
}
