import { sql } from 'drizzle-orm';
import type { Database } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

export interface FlowFingerprints {
  /** A string that changes whenever a template gets a new version or another current version. */
  templates: string;
  /** The same string for one business's own flows, empty when no business was given. */
  owned: string;
}

/**
 * Reads short strings that change whenever flows are saved, so a server process can tell that
 * another one saved a flow without reading every version's YAML. A save always stores a new
 * version or moves a flow's current version, and both show here.
 */
export async function readFlowFingerprints(db: Database, businessId: string | null): Promise<FlowFingerprints> {
  const rows = await queryRows<{ templates: string | null; owned: string | null }>(
    db,
    sql`SELECT
      (SELECT string_agg(id || ':' || current_hash, ',' ORDER BY id) FROM flows)
        || '#' || (SELECT count(*) FROM flow_versions) AS templates,
      (SELECT string_agg(id || ':' || current_hash, ',' ORDER BY id) FROM business_flows
        WHERE business_id = ${businessId})
        || '#' || (SELECT count(*) FROM business_flow_versions WHERE business_id = ${businessId}) AS owned`,
  );
  return { templates: rows[0]?.templates ?? '', owned: businessId === null ? '' : (rows[0]?.owned ?? '') };
}
