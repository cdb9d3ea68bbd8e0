import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL, or null for the embedded PGlite database. */
  url: string | null;
  /** PGlite's data directory; null keeps the embedded database in memory. */
  dataDir: string | null;
  /** Called when PostgreSQL drops an idle pooled connection; the pool replaces it. */
  onConnectionError?: (err: Error) => void;
}

export interface OpenDatabaseResult {
  db: Database;
  /** The driver's own handle, for callers that need raw SQL or LISTEN (the job scheduler). */
  client: { kind: 'postgres'; pool: pg.Pool } | { kind: 'pglite'; pglite: PGlite };
  close: () => Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Arbitrary constant shared by every textback process that migrates one PostgreSQL database. */
export const migrationLockKey = 7_301_944_211;

/** Opens the database and applies any migration not yet applied. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabaseResult> {
  if (options.url) {
    return openPostgres(options.url, options.onConnectionError ?? (() => undefined));
  }
  return openPglite(options.dataDir);
}

async function openPostgres(
  url: string,
  onConnectionError: (err: Error) => void,
): Promise<OpenDatabaseResult> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Without a listener, a server restart that drops an idle connection crashes the process.
  pool.on('error', onConnectionError);
  const db = drizzlePg(pool, { schema });
  const lockClient = await pool.connect();
  try {
    // Two processes migrating at once race on CREATE TABLE, so they take turns.
    await lockClient.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
    await migratePg(db, { migrationsFolder });
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]);
    lockClient.release();
  }
  return {
    db: db as unknown as Database,
    client: { kind: 'postgres', pool },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | null): Promise<OpenDatabaseResult> {
  let releaseLock = (): void => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = lockDataDir(dataDir);
  }
  try {
    const pglite = dataDir ? await PGlite.create(path.resolve(dataDir, 'pglite')) : await PGlite.create();
    const db = drizzlePglite(pglite, { schema });
    await migratePglite(db, { migrationsFolder });
    return {
      db: db as unknown as Database,
      client: { kind: 'pglite', pglite },
      close: async () => {
        await pglite.close();
        releaseLock();
      },
    };
  } catch (err) {
    releaseLock();
    throw err;
  }
}

/**
 * Takes a lock file on PGlite's data directory. PGlite takes no lock of its own, and two
 * processes writing one directory lose data, so a second process is turned away.
 */
function lockDataDir(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'textback.lock');
  const holder = readLockHolder(lockPath);
  if (holder !== null && holder !== process.pid && isProcessAlive(holder)) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by process ${holder}. ` +
        'Stop that process, or set DATA_DIR to another folder or DATABASE_URL to a PostgreSQL server.',
    );
  }
  writeFileSync(lockPath, String(process.pid));
  return () => rmSync(lockPath, { force: true });
}

function readLockHolder(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    return Number.isInteger(pid) ? pid : null;
  } catch {
    return null;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
