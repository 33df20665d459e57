/**
 * Uploaded CSV files, kept in the database (import_files and its ~1 MiB chunks) so that any instance can run or resume
 * the import. Written as the upload streams in and read back a chunk at a time: memory stays at a chunk or two.
 */
import { createHash } from 'node:crypto';

import { and, eq, lt, sql } from 'drizzle-orm';

import { getDb, type Db, type Tx } from '@/db/client';
import { importFileChunks, importFiles, type ImportFileRow } from '@/db/schema';
import type { Actor } from '@/lib/types';

import { NotFoundError, PayloadTooLargeError, ValidationFailedError } from '../errors';

export const CHUNK_BYTES = 1_048_576;
/** The largest file accepted: a million Shopify rows is about 150 MB. */
export const MAX_IMPORT_BYTES = 200 * 1_048_576;
// A file checked by a dry run waits this long for its import; then it is deleted.
const KEEP_DAYS = 1;
const NEWLINE = 0x0a;

export const FILE_NOT_FOUND = 'No uploaded file with this id: it was imported, or it is over a day old. Upload it again.';

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (let i = bytes.indexOf(NEWLINE); i !== -1; i = bytes.indexOf(NEWLINE, i + 1)) count += 1;
  return count;
}

/**
 * Stores a file from a stream of bytes, refusing one over `maxBytes` (PayloadTooLargeError, nothing kept) or an empty
 * one (ValidationFailedError naming `file`). Returns the stored file.
 */
export async function storeImportFile({ actor, fileName, body, maxBytes = MAX_IMPORT_BYTES }: { actor: Actor; fileName: string; body: AsyncIterable<Uint8Array>; maxBytes?: number }): Promise<ImportFileRow> {
  const db = getDb();
  const [file] = await db.insert(importFiles).values({ fileName: fileName.slice(0, 255) || 'customers.csv', createdById: actor.id }).returning();
  const hash = createHash('sha256');
  let size = 0;
  let lines = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lastByte = NEWLINE;
  const flush = async () => {
    if (pendingBytes === 0) return;
    await db.insert(importFileChunks).values({ fileId: file.id, seq, data: Buffer.concat(pending, pendingBytes) });
    seq += 1;
    pending = [];
    pendingBytes = 0;
  };
  try {
    for await (const part of body) {
      size += part.byteLength;
      if (size > maxBytes) throw new PayloadTooLargeError(`The file is larger than ${Math.round(maxBytes / 1_048_576)} MiB; split it into smaller files`);
      hash.update(part);
      lines += countNewlines(part);
      if (part.byteLength) lastByte = part[part.byteLength - 1];
      pending.push(Buffer.from(part.buffer, part.byteOffset, part.byteLength));
      pendingBytes += part.byteLength;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    if (size === 0) throw new ValidationFailedError('The file is empty', [{ path: 'file', message: 'The file is empty: send a CSV with a header row' }]);
  } catch (error) {
    await deleteImportFile(file.id);
    throw error;
  }
  const [stored] = await db
    .update(importFiles)
    .set({ byteSize: size, chunkCount: seq, lineCount: lines + (lastByte === NEWLINE ? 0 : 1), sha256: hash.digest('hex') })
    .where(eq(importFiles.id, file.id))
    .returning();
  return stored;
}

/** The stored file's record. Throws NotFoundError. */
export async function getImportFile(id: string): Promise<ImportFileRow> {
  const [file] = await getDb().select().from(importFiles).where(eq(importFiles.id, id));
  if (!file) throw new NotFoundError(FILE_NOT_FOUND);
  return file;
}

/** The file's bytes, one chunk read at a time. */
export async function* readImportFile(id: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq += 1) {
    const [chunk] = await getDb()
      .select({ data: importFileChunks.data })
      .from(importFileChunks)
      .where(and(eq(importFileChunks.fileId, id), eq(importFileChunks.seq, seq)));
    if (!chunk) return;
    yield chunk.data;
  }
}

export async function deleteImportFile(id: string): Promise<void> {
  await getDb().delete(importFiles).where(eq(importFiles.id, id));
}

const NOT_NEEDED_BY_AN_IMPORT = sql`not exists (select 1 from jobs j where j.payload->>'fileId' = ${importFiles.id}::text and j.status in ('queued', 'running', 'paused'))`;

/** Deletes files left over from dry runs (a day old) that no queued or running import still needs. Returns how many. */
export async function pruneImportFiles(): Promise<number> {
  const rows = await getDb()
    .delete(importFiles)
    .where(and(lt(importFiles.createdAt, sql`now() - ${KEEP_DAYS} * interval '1 day'`), NOT_NEEDED_BY_AN_IMPORT))
    .returning({ id: importFiles.id });
  return rows.length;
}

/**
 * Deletes every stored file no import is working on, however recent: an erasure calls it, since a dry run's file may
 * hold the person's row (an import in progress keeps its file, and creates or updates by its own rules).
 */
export async function deleteIdleImportFiles(db: Db | Tx = getDb()): Promise<void> {
  await db.delete(importFiles).where(NOT_NEEDED_BY_AN_IMPORT);
}
