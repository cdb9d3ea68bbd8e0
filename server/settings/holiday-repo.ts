import { eq } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { businesses } from '../db/schema.ts';
import { holidaysSchema } from './holidays.ts';
import type { Holiday } from './holidays.ts';

export async function findHolidays(db: Database, businessId: string): Promise<Holiday[]> {
  const rows = await db
    .select({ holidays: businesses.holidays })
    .from(businesses)
    .where(eq(businesses.id, businessId))
    .limit(1);
  const parsed = holidaysSchema.safeParse(rows[0]?.holidays ?? []);
  return parsed.success ? parsed.data : [];
}

/** Replaces the business's holidays, sorted by date. */
export async function saveHolidays(db: Database, businessId: string, holidays: Holiday[]): Promise<void> {
  const sorted = [...holidays].sort((left, right) => left.date.localeCompare(right.date));
  await db
    .update(businesses)
    .set({ holidays: sorted, updatedAt: new Date() })
    .where(eq(businesses.id, businessId));
}
