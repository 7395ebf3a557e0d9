import { eq, isNotNull, sql } from "drizzle-orm";
import { builtinProtocols } from "../../../shared/protocols/builtin/index.ts";
import {
  type ProtocolDefinition,
  protocolDefinitionSchema,
  totalMinutes,
} from "../../../shared/protocols/definition.ts";
import type { Db, Tx } from "../../db/client.ts";
import { protocols, protocolVersions } from "../../db/schema/index.ts";
import { type StoredBuiltin, syncBuiltins } from "../../lib/builtin-sync.ts";
import { newId } from "../../lib/ids.ts";

// Any fixed number: every process that syncs takes the same lock, so two starting at once take turns.
const SYNC_LOCK = 0x1a3b_5c7d;

/** Brings the built-in protocols in line with shared/protocols/builtin (server/lib/builtin-sync.ts). */
export function syncBuiltinProtocols(db: Db): Promise<{ added: number; updated: number }> {
  const shipped = builtinProtocols.map((p) => ({
    key: p.slug,
    definition: protocolDefinitionSchema.parse(p.definition),
  }));
  return syncBuiltins(db, SYNC_LOCK, shipped, { stored, add: addBuiltin, addVersion });
}

async function stored(tx: Tx, shippedJson: string): Promise<Map<string, StoredBuiltin>> {
  const rows = await tx
    .select({
      id: protocols.id,
      slug: protocols.slug,
      number: protocolVersions.version,
      same: sql<boolean>`${protocolVersions.definition} = (${shippedJson}::jsonb -> ${protocols.slug})`,
    })
    .from(protocols)
    .innerJoin(protocolVersions, eq(protocolVersions.id, protocols.currentVersionId))
    .where(isNotNull(protocols.slug));
  return new Map(rows.map((r) => [r.slug ?? "", { id: r.id, number: r.number, same: r.same }]));
}

const columns = (definition: ProtocolDefinition) => ({
  name: definition.name,
  purpose: definition.purpose,
  summary: definition.summary,
  totalMinutes: totalMinutes(definition.steps),
  groupMin: definition.groupSize.min,
  groupMax: definition.groupSize.max,
});

async function addBuiltin(tx: Tx, slug: string, definition: ProtocolDefinition) {
  const id = newId();
  const versionId = newId();
  await tx.insert(protocols).values({ id, orgId: null, slug, ...columns(definition) });
  await tx
    .insert(protocolVersions)
    .values({ id: versionId, protocolId: id, orgId: null, version: 1, definition });
  await tx.update(protocols).set({ currentVersionId: versionId }).where(eq(protocols.id, id));
}

async function addVersion(tx: Tx, current: StoredBuiltin, definition: ProtocolDefinition) {
  const versionId = newId();
  await tx.insert(protocolVersions).values({
    id: versionId,
    protocolId: current.id,
    orgId: null,
    version: current.number + 1,
    definition,
  });
  await tx
    .update(protocols)
    .set({ ...columns(definition), currentVersionId: versionId, updatedAt: sql`now()` })
    .where(eq(protocols.id, current.id));
}
