import { EventEmitter } from 'node:events';
import type { PGlite, Results } from '@electric-sql/pglite';
import type pg from 'pg';

interface PoolQueryResult {
  rows: Record<string, unknown>[];
  rowCount: number;
}

/**
 * Wraps in-process PGlite in the part of `pg.Pool` that @agendajs/postgres-backend 3.0.6 uses:
 * `query`, `connect()` (whose client receives NOTIFY through PGlite's `onNotification`) and
 * `end()`. PGlite has one session, so every "client" shares it; queries are serialised by PGlite.
 */
export function createPglitePool(pglite: PGlite): pg.Pool {
  const query = async (text: string, params?: unknown[]): Promise<PoolQueryResult> => {
    if (params && params.length > 0) {
      return toPoolResult(await pglite.query(text, params));
    }
    // The backend's schema SQL holds several statements, which only `exec` accepts.
    const results = await pglite.exec(text);
    return toPoolResult(results.at(-1));
  };

  const connect = async () => {
    const client = new EventEmitter();
    const unsubscribe = pglite.onNotification((channel, payload) => {
      client.emit('notification', { channel, payload, processId: 0 });
    });
    return Object.assign(client, {
      query,
      release: () => {
        unsubscribe();
      },
    });
  };

  const pool = Object.assign(new EventEmitter(), {
    query,
    connect,
    // The database belongs to the app, which closes it after the scheduler has stopped.
    end: async () => undefined,
  });
  return pool as unknown as pg.Pool;
}

function toPoolResult(result: Results | undefined): PoolQueryResult {
  const rows = (result?.rows ?? []) as Record<string, unknown>[];
  return { rows, rowCount: result?.affectedRows ?? rows.length };
}
