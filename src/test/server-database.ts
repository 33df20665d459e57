import pg from 'pg';

export interface ThrowawayDatabase {
  name: string;
  /** The database's URL on the server. */
  url: string;
  /** Drops it once its connections have gone. */
  drop: () => Promise<void>;
}

/**
 * Creates a throw-away database on the PostgreSQL server at `serverUrl`, named from `prefix`, empty or a copy of
 * `template` (a database nobody is connected to).
 */
export async function createThrowawayDatabase(serverUrl: string, prefix: string, template?: string): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await withAdmin(serverUrl, (admin) => admin.query(template ? `create database "${name}" template "${template}"` : `create database "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => withAdmin(serverUrl, (admin) => dropDatabaseWhenLeft(admin, name)) };
}

async function withAdmin<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * Drops a throw-away test database once its connections have gone. pool.end() resolves before the server has seen
 * every client leave; forcing the drop while one is still saying goodbye kills it, which surfaces as an unhandled
 * 57P01 ("terminating connection due to administrator command") and fails the run. A busy machine makes that likely.
 */
async function dropDatabaseWhenLeft(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 250; attempt += 1) {
    const { rows } = await admin.query<{ open: number }>('select count(*)::int as open from pg_stat_activity where datname = $1', [name]);
    if (rows[0].open === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await admin.query(`drop database if exists "${name}" with (force)`);
}
