import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

import { ValidationFailedError } from '../errors';

/** A file opened for streaming: its bytes (inflated), and how far through the file (in bytes on disk) reading has got. */
export interface ImportSource {
  bytes: Readable;
  isGzip: boolean;
  totalBytes: number;
  bytesRead(): number;
}

const GZIP_MAGIC = [0x1f, 0x8b];

async function startsWithGzipMagic(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await file.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } finally {
    await file.close();
  }
}

const unreadable = (message: string) => new ValidationFailedError('Cannot read the file', [{ path: 'file', message }]);

async function fileSize(path: string): Promise<number> {
  let stats;
  try {
    stats = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw unreadable(code === 'ENOENT' ? `${path} does not exist` : `${path} cannot be read (${code ?? String(error)})`);
  }
  if (!stats.isFile()) throw unreadable(`${path} is not a file`);
  return stats.size;
}

/**
 * Opens a plain or gzip'd file for streaming. Gzip is recognised by its magic bytes, whatever the file is called.
 * Progress counts bytes read from disk, so it is right for compressed files too.
 */
export async function openImportSource(path: string): Promise<ImportSource> {
  const size = await fileSize(path);
  const isGzip = await startsWithGzipMagic(path);
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  // pipeline forwards a read error to the gunzip stream, where the CSV reader sees it.
  const bytes: Readable = isGzip ? pipeline(file, createGunzip(), () => {}) : file;
  return { bytes, isGzip, totalBytes: size, bytesRead: () => file.bytesRead };
}
