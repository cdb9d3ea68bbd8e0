import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../server/db/open-database.ts';
import type { Database } from '../../server/db/open-database.ts';

export interface BenchDatabase {
  db: Database;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
}

/**
 * Opens an in-memory PGlite database, or, given a PostgreSQL server URL, creates a fresh
 * database there that `close` drops again.
 */
export async function openBenchDatabase(serverUrl: string | null): Promise<BenchDatabase> {
  if (!serverUrl) {
    const opened = await openDatabase({ url: null, dataDir: null });
    return { db: opened.db, kind: 'pglite', close: opened.close };
  }

  const name = `textback_bench_${randomBytes(6).toString('hex')}`;
  await runAdminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const opened = await openDatabase({ url: url.toString(), dataDir: null });
    return {
      db: opened.db,
      kind: 'postgres',
      close: async () => {
        await opened.close();
        await runAdminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  } catch (err) {
    await runAdminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw err;
  }
}

async function runAdminQuery(serverUrl: string, query: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}
