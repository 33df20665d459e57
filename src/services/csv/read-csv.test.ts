import { describe, expect, it } from 'vitest';

import { ValidationFailedError } from '../errors';
import { readCsv } from './read-csv';

async function records(text: string, chunkSize = 7) {
  const bytes = Buffer.from(text);
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  }
  const out = [];
  for await (const record of readCsv(chunks())) out.push(record);
  return out;
}

describe('readCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, across chunk boundaries', async () => {
    const text = 'a,b,c\r\n536544,"TRAY, BREAKFAST IN BED",1\n536540,"CHARLIE+LOLA""EXTREMELY BUSY"" SIGN",6\n1,"two\nlines",3\nlast,,line';
    expect(await records(text)).toEqual([
      { fields: ['a', 'b', 'c'], lineNumber: 1 },
      { fields: ['536544', 'TRAY, BREAKFAST IN BED', '1'], lineNumber: 2 },
      { fields: ['536540', 'CHARLIE+LOLA"EXTREMELY BUSY" SIGN', '6'], lineNumber: 3 },
      { fields: ['1', 'two\nlines', '3'], lineNumber: 4 },
      { fields: ['last', '', 'line'], lineNumber: 6 },
    ]);
  });

  it('drops a byte order mark, keeps characters split between chunks whole, and reads \\r\\n inside a quoted field as \\n', async () => {
    const text = '\uFEFFname,note\r\nCRÈME BRÛLÉE,"two\r\nlines"\r\n\r\nlast,é\r\n';
    expect(await records(text, 1)).toEqual([
      { fields: ['name', 'note'], lineNumber: 1 },
      { fields: ['CRÈME BRÛLÉE', 'two\nlines'], lineNumber: 2 },
      { fields: [''], lineNumber: 4 },
      { fields: ['last', 'é'], lineNumber: 5 },
    ]);
  });

  it('reports a malformed record once, with the line it starts on, and goes on reading', async () => {
    expect(await records('x,y\na"b,c\n"CHARLIE "BUSY" SIGN",6\nok,1\n"two\nlines","c "d" e"\nok,2\n"never closed,3')).toEqual([
      { fields: ['x', 'y'], lineNumber: 1 },
      { error: 'Malformed CSV: a quote inside unquoted field 1', lineNumber: 2 },
      { error: 'Malformed CSV: text after a closing quote in field 1', lineNumber: 3 },
      { fields: ['ok', '1'], lineNumber: 4 },
      { error: 'Malformed CSV: text after a closing quote in field 2', lineNumber: 5 },
      { fields: ['ok', '2'], lineNumber: 7 },
      { error: 'Malformed CSV: a quoted field is never closed', lineNumber: 8 },
    ]);
  });

  // csv-parse stays inside the field after such a quote, so the lines up to the next closing quote go with it.
  it('after text that follows a closing quote, reads on inside the field up to the next closing quote', async () => {
    expect(await records('x,y\n"q"r,s\nlost,1\n"next",2\nok,3')).toEqual([
      { fields: ['x', 'y'], lineNumber: 1 },
      { error: 'Malformed CSV: text after a closing quote in field 1', lineNumber: 2 },
      { error: 'Malformed CSV: text after a closing quote in field 1', lineNumber: 4 },
      { fields: ['ok', '3'], lineNumber: 5 },
    ]);
  });

  it('refuses a file where a quote left open runs past 100,000 characters, naming the line it opened on', async () => {
    const text = `x,y\nok,1\n"open,2\n${'a,b\n'.repeat(30_000)}`;
    await expect(records(text, 4096)).rejects.toThrow(ValidationFailedError);
    await expect(records(text, 4096)).rejects.toThrow(
      expect.objectContaining({ fieldErrors: [expect.objectContaining({ message: expect.stringContaining('from line 3 runs past 100,000 characters') })] }),
    );
  });
});
