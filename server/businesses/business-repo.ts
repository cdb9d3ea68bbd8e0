import { eq } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { businesses } from '../db/schema.ts';
import type { Business, BusinessHours, BusinessInput, BusinessUpdate } from './business.ts';

type BusinessRow = typeof businesses.$inferSelect;

export async function findBusinessById(db: Database, id: string): Promise<Business | null> {
  const rows = await db.select().from(businesses).where(eq(businesses.id, id)).limit(1);
  return rows[0] ? toBusiness(rows[0]) : null;
}

/** Finds the business that owns a textback number, as Twilio sends it in `To` or `Called`. */
export async function findBusinessByNumber(db: Database, phoneNumber: string): Promise<Business | null> {
  const rows = await db
    .select()
    .from(businesses)
    .where(eq(businesses.phoneNumber, phoneNumber))
    .limit(1);
  return rows[0] ? toBusiness(rows[0]) : null;
}

export async function listBusinesses(db: Database): Promise<Business[]> {
  const rows = await db.select().from(businesses).orderBy(businesses.createdAt);
  return rows.map(toBusiness);
}

export async function createBusiness(db: Database, input: BusinessInput): Promise<Business> {
  const rows = await db.insert(businesses).values(input).returning();
  return toBusiness(rows[0] as BusinessRow);
}

export async function updateBusiness(
  db: Database,
  id: string,
  update: BusinessUpdate,
): Promise<Business | null> {
  const rows = await db
    .update(businesses)
    .set({ ...update, updatedAt: new Date() })
    .where(eq(businesses.id, id))
    .returning();
  return rows[0] ? toBusiness(rows[0]) : null;
}

function toBusiness(row: BusinessRow): Business {
  return { ...row, hours: row.hours as BusinessHours };
}
