/** One CSV record: its fields, and the file line it starts on (1 = the header), for messages. */
export interface CsvRecord {
  fields: string[];
  lineNumber: number;
}

/** A record that is not valid RFC 4180 (a stray quote, text after a closing quote, a quote never closed). */
export interface CsvProblem {
  error: string;
  lineNumber: number;
}

/**
 * Splits a text stream into lines without holding more than one chunk: pulling chunk by chunk keeps the
 * source paused while the consumer is busy, so memory stays flat whatever the file size. Accepts \n and \r\n.
 */
export async function* readLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of chunks) {
    const text = rest + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      yield text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (rest !== '') yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

type FieldsResult = { fields: string[]; open: false } | { fields: string[]; open: true; partial: string } | { error: string };

/**
 * Parses one physical line. A quoted field may hold commas, doubled quotes and line breaks; when the line ends
 * inside quotes the result is `open` and the caller appends the next line.
 */
function parseFields(line: string): FieldsResult {
  // Most lines have no quotes at all.
  if (!line.includes('"')) return { fields: line.split(','), open: false };
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote === -1) return { fields, open: true, partial: line };
        value += line.slice(from, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      fields.push(value);
      if (i === line.length) return { fields, open: false };
      if (line[i] !== ',') return { error: `text after a closing quote in field ${fields.length}` };
      i += 1;
    } else {
      const comma = line.indexOf(',', i);
      const value = comma === -1 ? line.slice(i) : line.slice(i, comma);
      if (value.includes('"')) return { error: `a quote inside unquoted field ${fields.length + 1}` };
      fields.push(value);
      if (comma === -1) return { fields, open: false };
      i = comma + 1;
    }
  }
}

// A quote left open by mistake would otherwise swallow the rest of the file into one field.
const MAX_LINES_PER_RECORD = 20;

/** RFC 4180 records from lines; a bad record is reported with its line number and reading goes on. */
export async function* readCsvRecords(lines: AsyncIterable<string>): AsyncGenerator<CsvRecord | CsvProblem> {
  let lineNumber = 0;
  let pending: { text: string; lineNumber: number } | null = null;
  for await (const line of lines) {
    lineNumber += 1;
    const text: string = pending ? `${pending.text}\n${line}` : line;
    const startsAt: number = pending ? pending.lineNumber : lineNumber;
    const result = parseFields(text);
    if ('error' in result) {
      pending = null;
      yield { error: `Malformed CSV: ${result.error}`, lineNumber: startsAt };
    } else if (result.open && lineNumber - startsAt + 1 >= MAX_LINES_PER_RECORD) {
      pending = null;
      yield { error: `Malformed CSV: a quoted field is not closed within ${MAX_LINES_PER_RECORD} lines`, lineNumber: startsAt };
    } else if (result.open) {
      pending = { text, lineNumber: startsAt };
    } else {
      pending = null;
      yield { fields: result.fields, lineNumber: startsAt };
    }
  }
  if (pending) yield { error: 'Malformed CSV: a quoted field is never closed', lineNumber: pending.lineNumber };
}
