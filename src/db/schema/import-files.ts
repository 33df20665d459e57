import { bigint, customType, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

import { createdAt } from './columns';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

// An uploaded CSV, kept in the database so that whichever instance claims the import job (or takes it over after a
// crash) can read it. The bytes are in chunks of about 1 MiB (import_file_chunks): a 150 MB file is written while it
// streams in and read back one chunk at a time, where one bytea value would be built whole in memory on both sides
// (and a single value caps at 1 GB).
export const importFiles = pgTable(
  'import_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileName: text('file_name').notNull(),
    byteSize: bigint('byte_size', { mode: 'number' }).notNull().default(0),
    chunkCount: integer('chunk_count').notNull().default(0),
    // Line breaks in the file: the job's progress total before it has read it (exact unless fields hold line breaks).
    lineCount: integer('line_count').notNull().default(0),
    // SHA-256 of the bytes, hex: an Idempotency-Key's request fingerprint.
    sha256: text('sha256'),
    createdById: text('created_by_id'),
    createdAt: createdAt(),
  },
  (t) => [index('import_files_created_at_idx').on(t.createdAt)],
);

export const importFileChunks = pgTable(
  'import_file_chunks',
  {
    fileId: uuid('file_id')
      .notNull()
      .references(() => importFiles.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);

export type ImportFileRow = typeof importFiles.$inferSelect;
