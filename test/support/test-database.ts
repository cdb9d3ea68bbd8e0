import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../../server/db/open-database.ts';
import type { Database, OpenDatabaseResult } from '../../server/db/open-database.ts';
import { queryRows } from '../../server/db/query-rows.ts';
import { stopTestAppTasks } from './test-app.ts';

export interface TestDatabase {
  db: Database;
  /** The driver's handle, for the job scheduler. */
  client: OpenDatabaseResult['client'];
  /** Empties every table, so tests in one file share a database without sharing rows. */
  reset: () => Promise<void>;
  close: () => Promise<void>;
}

/**
 * Opens an in-memory PGlite database, or, when TEST_DATABASE_URL is set, a fresh database on
 * that PostgreSQL server which is dropped again on close.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const opened = await openDatabase({ url: null, dataDir: null });
    return { db: opened.db, client: opened.client, reset: () => resetTables(opened.db), close: opened.close };
  }

  const name = `textback_test_${randomBytes(6).toString('hex')}`;
  await runAdminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const opened = await openDatabase({ url: url.toString(), dataDir: null });
  return {
    db: opened.db,
    client: opened.client,
    reset: () => resetTables(opened.db),
    close: async () => {
      await opened.close();
      await runAdminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Waits for the previous test's background work, then empties every table. */
async function resetTables(db: Database): Promise<void> {
  await stopTestAppTasks();
  await truncateAll(db);
}

/** Empties every table of the public schema, so tables added later are covered too. */
async function truncateAll(db: Database): Promise<void> {
  const rows = await queryRows<{ tablename: string }>(
    db,
    sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
  );
  const names = rows.map((row) => `"${row.tablename}"`);
  if (names.length > 0) {
    await db.execute(sql.raw(`TRUNCATE ${names.join(', ')} RESTART IDENTITY CASCADE`));
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
