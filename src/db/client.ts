import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations, Query, SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { PgDialect, type PgDatabase, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

import * as schema from './schema';

type Schema = typeof schema;
/** Either driver's database: services are written against this and run on both. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies pending migrations; instances starting at once on one PostgreSQL take turns (the later finds none left). */
  migrate(): Promise<void>;
  /**
   * Runs `work` while holding a database-wide lock named by `key` (a PostgreSQL session advisory lock on a connection of
   * its own), so that app instances starting at once on one database do a one-off step one after another. Not
   * reentrant: `work` must not take the same key. On PGlite (one process) it just runs `work`.
   */
  exclusive<T>(key: number, work: () => Promise<T>): Promise<T>;
  /**
   * Runs `work` on a connection of its own, opened for it and closed after, outside the pool: for work that a
   * transaction holding a pool connection waits for, which from the pool could wait for a connection only that
   * transaction's end frees. Absent on PGlite (one connection).
   */
  beside?<T>(work: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Advisory lock key of the migrations (any constant unlikely to clash with the app's other lock keys).
export const MIGRATE_LOCK_KEY = 6_240_001;

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'src/db/migrations');
export const DEFAULT_PGLITE_DIR = path.join(process.cwd(), 'data/pglite');

/**
 * Connections each app instance holds at most (DATABASE_POOL_SIZE). A request that finds them all busy waits for one:
 * a database runs best with about two statements per core at once, and more only take turns on the cores and on its
 * locks (the one-statement completion: 1,121/s at 8 clients, 864/s at 32, on two cores). Queueing in the pool keeps
 * the rest of the requests' time out of the database.
 */
export const DEFAULT_POOL_SIZE = 8;

export function poolSizeFromEnv(): number {
  const size = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(size) && size > 0 ? size : DEFAULT_POOL_SIZE;
}

/**
 * Opens PostgreSQL when a URL is given, otherwise PGlite in `dataDir` (or in memory when dataDir is 'memory://'),
 * starting from the data directory `loadDataDir` (a PGlite dump) when given rather than an empty one.
 */
export function openDatabase(options: { url?: string; dataDir?: string; poolSize?: number; loadDataDir?: Blob } = {}): DatabaseHandle {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? poolSizeFromEnv() });
    const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
    const exclusive = async <T>(key: number, work: () => Promise<T>): Promise<T> => {
      const holder = await pool.connect();
      try {
        await holder.query('select pg_advisory_lock($1)', [key]);
        try {
          return await work();
        } finally {
          await holder.query('select pg_advisory_unlock($1)', [key]);
        }
      } finally {
        holder.release();
      }
    };
    return {
      db,
      kind: 'postgres',
      // Without the lock, two instances migrating at once both create drizzle's schema and table and apply the same
      // migration, and one fails on a duplicate; with it the second waits, then finds every migration applied.
      migrate: () => exclusive(MIGRATE_LOCK_KEY, () => migrateNodePg(drizzleNodePg({ client: pool, schema }), { migrationsFolder: MIGRATIONS_FOLDER })),
      exclusive,
      beside: async (work) => {
        const client = new pg.Client({ connectionString: options.url });
        // A lost connection also rejects the statement running on it, which is where `work` learns of it; unheard,
        // the client's 'error' event would end the process.
        client.on('error', () => undefined);
        await client.connect();
        try {
          return await work(drizzleNodePg({ client, schema }) as unknown as Db);
        } finally {
          await client.end();
        }
      },
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? DEFAULT_PGLITE_DIR;
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir, { extensions: { pg_trgm }, loadDataDir: options.loadDataDir });
  const drizzleDb = drizzlePglite({ client, schema });
  return {
    db: drizzleDb as unknown as Db,
    kind: 'pglite',
    migrate: () => migratePglite(drizzleDb, { migrationsFolder: MIGRATIONS_FOLDER }),
    exclusive: (_key, work) => work(),
    close: () => client.close(),
  };
}

// Kept on globalThis so that Next.js dev reloads and route bundles share one connection (PGlite allows one).
const globalForDb = globalThis as unknown as { customersDb?: DatabaseHandle };

/** The process-wide database, opened from DATABASE_URL or the PGlite folder on first use. */
export function getDatabase(): DatabaseHandle {
  globalForDb.customersDb ??= openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.PGLITE_DATA_DIR });
  return globalForDb.customersDb;
}

export function getDb(): Db {
  return getDatabase().db;
}

/** Points getDb() at another database (tests, CLI runs against a chosen database). */
export function setDatabase(handle: DatabaseHandle | undefined): void {
  globalForDb.customersDb = handle;
}

/** Rows of a raw SQL query; both drivers answer `{ rows }`, which the shared Db type does not spell out. */
export async function queryRows<Row>(db: Db | Tx, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

const dialect = new PgDialect();

/**
 * Rows of a statement the app runs often, sent as a named prepared statement: each connection parses and plans it
 * once and then only binds the parameters. The writes that are one statement of a dozen WITH items (orders.ts,
 * customers/update-statement.ts) spend about as long being planned as being run, on every call, without it. The name
 * is the text's hash, so a statement whose text varies (an update of other fields) is another statement. PGlite, in
 * process, ignores the name.
 */
export async function queryPreparedRows<Row>(db: Db | Tx, query: SQL): Promise<Row[]> {
  return runPrepared<Row>(db, dialect.sqlToQuery(query));
}

const statementName = (text: string) => `s${createHash('sha1').update(text).digest('base64url').slice(0, 27)}`;

async function runPrepared<Row>(db: Db | Tx, built: Query & { name?: string }, values?: Record<string, unknown>): Promise<Row[]> {
  const result = (await db._.session.prepareQuery(built, undefined, built.name ?? statementName(built.sql), false).execute(values)) as { rows: Row[] };
  return result.rows;
}

/**
 * A statement whose text never changes, built once (with `sql.placeholder(name)` for each value that does) and then run
 * as a named prepared statement with `values` for its placeholders. Building a statement of a dozen WITH items from
 * its fragments costs the app more time than the database spends running it.
 */
export function preparedStatement<Row>(build: () => SQL): (db: Db | Tx, values: Record<string, unknown>) => Promise<Row[]> {
  let built: (Query & { name: string }) | undefined;
  return (db, values) => {
    if (!built) {
      const query = dialect.sqlToQuery(build());
      built = { ...query, name: statementName(query.sql) };
    }
    return runPrepared<Row>(db, built, values);
  };
}

/**
 * Runs queries one after another on one connection (a transaction) and gives their results in order. A connection
 * runs one query at a time anyway; handing it several at once (Promise.all) only queues them in the driver, which pg
 * deprecates and will refuse.
 */
export async function inTurn<T extends readonly (() => PromiseLike<unknown>)[]>(...queries: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
