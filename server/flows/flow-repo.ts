import { and, asc, desc, eq, max } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { flowVersions, flows } from '../db/schema.ts';

export type FlowOrigin = 'file' | 'api';

export interface StoredFlow {
  id: string;
  name: string;
  currentHash: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface StoredFlowVersion {
  flowId: string;
  hash: string;
  number: number;
  label: string;
  origin: FlowOrigin;
  createdAt: Date;
}

export interface StoredFlowVersionWithSource extends StoredFlowVersion {
  source: string;
}

export interface NewFlowVersion {
  flowId: string;
  name: string;
  hash: string;
  label: string;
  source: string;
  origin: FlowOrigin;
}

const flowColumns = {
  id: flows.id,
  name: flows.name,
  currentHash: flows.currentHash,
  createdAt: flows.createdAt,
  updatedAt: flows.updatedAt,
};

const versionColumns = {
  flowId: flowVersions.flowId,
  hash: flowVersions.hash,
  number: flowVersions.number,
  label: flowVersions.label,
  origin: flowVersions.origin,
  createdAt: flowVersions.createdAt,
};

export async function listStoredFlows(db: Database): Promise<StoredFlow[]> {
  return db.select(flowColumns).from(flows).orderBy(asc(flows.id));
}

export async function findStoredFlow(db: Database, id: string): Promise<StoredFlow | null> {
  const rows = await db.select(flowColumns).from(flows).where(eq(flows.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Lists a flow's versions, newest first. */
export async function listFlowVersions(db: Database, flowId: string): Promise<StoredFlowVersion[]> {
  return db
    .select(versionColumns)
    .from(flowVersions)
    .where(eq(flowVersions.flowId, flowId))
    .orderBy(desc(flowVersions.number));
}

export async function findFlowVersion(
  db: Database,
  flowId: string,
  hash: string,
): Promise<StoredFlowVersionWithSource | null> {
  const rows = await db
    .select({ ...versionColumns, source: flowVersions.source })
    .from(flowVersions)
    .where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.hash, hash)))
    .limit(1);
  return rows[0] ?? null;
}

/** Reads every version of every flow with its source, for the engine's catalog at start. */
export async function listAllFlowVersions(db: Database): Promise<StoredFlowVersionWithSource[]> {
  return db
    .select({ ...versionColumns, source: flowVersions.source })
    .from(flowVersions)
    .orderBy(asc(flowVersions.flowId), asc(flowVersions.number));
}

/**
 * Stores a version and makes it the flow's current one, creating the flow on its first
 * version. A version whose hash is already stored is not stored twice; it only becomes current
 * again. Returns the version and whether it was new.
 */
export async function storeFlowVersion(
  db: Database,
  version: NewFlowVersion,
): Promise<{ version: StoredFlowVersion; isNew: boolean }> {
  return db.transaction(async (tx) => {
    await tx
      .insert(flows)
      .values({ id: version.flowId, name: version.name, currentHash: version.hash })
      .onConflictDoNothing();
    const existing = await tx
      .select(versionColumns)
      .from(flowVersions)
      .where(and(eq(flowVersions.flowId, version.flowId), eq(flowVersions.hash, version.hash)))
      .limit(1);
    let stored = existing[0];
    const isNew = stored === undefined;
    if (stored === undefined) {
      const numbers = await tx
        .select({ highest: max(flowVersions.number) })
        .from(flowVersions)
        .where(eq(flowVersions.flowId, version.flowId));
      const rows = await tx
        .insert(flowVersions)
        .values({
          flowId: version.flowId,
          hash: version.hash,
          number: (numbers[0]?.highest ?? 0) + 1,
          label: version.label,
          source: version.source,
          origin: version.origin,
        })
        .returning(versionColumns);
      stored = rows[0] as StoredFlowVersion;
    }
    await tx
      .update(flows)
      .set({ name: version.name, currentHash: version.hash, updatedAt: new Date() })
      .where(eq(flows.id, version.flowId));
    return { version: stored, isNew };
  });
}
