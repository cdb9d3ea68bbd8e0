import type { SQL } from 'drizzle-orm';
import type { Database } from './open-database.ts';

/**
 * Runs raw SQL and returns its rows. Both drivers answer `execute` with a result that has
 * `rows`, but the shared database type cannot say so.
 */
export async function queryRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
