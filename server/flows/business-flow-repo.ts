import { and, asc, desc, eq, max } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { businessFlowVersions, businessFlows } from '../db/schema.ts';
import type {
  NewFlowVersion,
  StoredFlow,
  StoredFlowVersion,
  StoredFlowVersionWithSource,
} from './flow-repo.ts';

/** A version of a business's own flow, with the business it belongs to. */
export interface StoredBusinessFlowVersion extends StoredFlowVersionWithSource {
  businessId: string;
}

const flowColumns = {
  id: businessFlows.id,
  name: businessFlows.name,
  currentHash: businessFlows.currentHash,
  createdAt: businessFlows.createdAt,
  updatedAt: businessFlows.updatedAt,
};

const versionColumns = {
  flowId: businessFlowVersions.flowId,
  hash: businessFlowVersions.hash,
  number: businessFlowVersions.number,
  label: businessFlowVersions.label,
  origin: businessFlowVersions.origin,
  createdAt: businessFlowVersions.createdAt,
};

/** Lists one business's own flows; templates are in `flow-repo.ts`. */
export async function listBusinessFlows(db: Database, businessId: string): Promise<StoredFlow[]> {
  return db
    .select(flowColumns)
    .from(businessFlows)
    .where(eq(businessFlows.businessId, businessId))
    .orderBy(asc(businessFlows.id));
}

export async function findBusinessFlow(
  db: Database,
  businessId: string,
  id: string,
): Promise<StoredFlow | null> {
  const rows = await db
    .select(flowColumns)
    .from(businessFlows)
    .where(and(eq(businessFlows.businessId, businessId), eq(businessFlows.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

/** Lists the versions of a business's own flow, newest first. */
export async function listBusinessFlowVersions(
  db: Database,
  businessId: string,
  flowId: string,
): Promise<StoredFlowVersion[]> {
  return db
    .select(versionColumns)
    .from(businessFlowVersions)
    .where(
      and(eq(businessFlowVersions.businessId, businessId), eq(businessFlowVersions.flowId, flowId)),
    )
    .orderBy(desc(businessFlowVersions.number));
}

export async function findBusinessFlowVersion(
  db: Database,
  businessId: string,
  flowId: string,
  hash: string,
): Promise<StoredFlowVersionWithSource | null> {
  const rows = await db
    .select({ ...versionColumns, source: businessFlowVersions.source })
    .from(businessFlowVersions)
    .where(
      and(
        eq(businessFlowVersions.businessId, businessId),
        eq(businessFlowVersions.flowId, flowId),
        eq(businessFlowVersions.hash, hash),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Reads every version of the business's own flows with its source, or of every business's when
 * `businessId` is undefined, for the bot's flow catalogs.
 */
export async function listAllBusinessFlowVersions(
  db: Database,
  businessId?: string,
): Promise<StoredBusinessFlowVersion[]> {
  return db
    .select({
      ...versionColumns,
      source: businessFlowVersions.source,
      businessId: businessFlowVersions.businessId,
    })
    .from(businessFlowVersions)
    .where(businessId === undefined ? undefined : eq(businessFlowVersions.businessId, businessId))
    .orderBy(
      asc(businessFlowVersions.businessId),
      asc(businessFlowVersions.flowId),
      asc(businessFlowVersions.number),
    );
}

/** Lists every business's own flows with their owners, for the catalogs at start. */
export async function listAllBusinessFlows(
  db: Database,
): Promise<{ businessId: string; id: string; currentHash: string }[]> {
  return db
    .select({
      businessId: businessFlows.businessId,
      id: businessFlows.id,
      currentHash: businessFlows.currentHash,
    })
    .from(businessFlows);
}

/**
 * Stores a version of a business's own flow and makes it current, creating the flow on its
 * first version. A hash already stored for this business and flow only becomes current again.
 * Returns the version and whether it was new.
 */
export async function storeBusinessFlowVersion(
  db: Database,
  businessId: string,
  version: NewFlowVersion,
): Promise<{ version: StoredFlowVersion; isNew: boolean }> {
  return db.transaction(async (tx) => {
    await tx
      .insert(businessFlows)
      .values({ businessId, id: version.flowId, name: version.name, currentHash: version.hash })
      .onConflictDoNothing();
    const ofThisFlow = and(
      eq(businessFlowVersions.businessId, businessId),
      eq(businessFlowVersions.flowId, version.flowId),
    );
    const existing = await tx
      .select(versionColumns)
      .from(businessFlowVersions)
      .where(and(ofThisFlow, eq(businessFlowVersions.hash, version.hash)))
      .limit(1);
    let stored: StoredFlowVersion | undefined = existing[0];
    const isNew = stored === undefined;
    if (stored === undefined) {
      const numbers = await tx
        .select({ highest: max(businessFlowVersions.number) })
        .from(businessFlowVersions)
        .where(ofThisFlow);
      const rows = await tx
        .insert(businessFlowVersions)
        .values({
          businessId,
          flowId: version.flowId,
          hash: version.hash,
          number: (numbers[0]?.highest ?? 0) + 1,
          label: version.label,
          source: version.source,
          origin: 'api',
        })
        .returning(versionColumns);
      stored = rows[0] as StoredFlowVersion;
    }
    await tx
      .update(businessFlows)
      .set({ name: version.name, currentHash: version.hash, updatedAt: new Date() })
      .where(and(eq(businessFlows.businessId, businessId), eq(businessFlows.id, version.flowId)));
    return { version: stored, isNew };
  });
}
