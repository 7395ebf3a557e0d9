import { eq, isNotNull, sql } from "drizzle-orm";
import { builtinProtocols } from "../../../shared/protocols/builtin/index.ts";
import {
  type ProtocolDefinition,
  protocolDefinitionSchema,
  totalMinutes,
} from "../../../shared/protocols/definition.ts";
import type { Db, Tx } from "../../db/client.ts";
import { protocols, protocolVersions } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";

// Any fixed number: every process that syncs takes the same lock, so two starting at once take turns.
const SYNC_LOCK = 0x1a3b_5c7d;

type Current = { id: string; slug: string; version: number; same: boolean };

/**
 * Brings the built-in protocols in the database in line with shared/protocols/builtin: a missing one is
 * added, a changed one gets a new version (old versions stay, for the meetings that used them). Idempotent;
 * one transaction under an advisory lock, so concurrent starts neither duplicate nor interleave.
 */
export async function syncBuiltinProtocols(db: Db): Promise<{ added: number; updated: number }> {
  const definitions = builtinProtocols.map((p) => ({
    slug: p.slug,
    definition: protocolDefinitionSchema.parse(p.definition),
  }));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SYNC_LOCK})`);
    const current = await currentBuiltins(tx, definitions);
    let added = 0;
    let updated = 0;
    for (const { slug, definition } of definitions) {
      const found = current.get(slug);
      if (!found) {
        await addBuiltin(tx, slug, definition);
        added++;
      } else if (!found.same) {
        await addVersion(tx, found, definition);
        updated++;
      }
    }
    return { added, updated };
  });
}

/** Each stored built-in with whether its current version already equals the shipped definition. */
async function currentBuiltins(
  tx: Tx,
  definitions: { slug: string; definition: ProtocolDefinition }[],
): Promise<Map<string, Current>> {
  // jsonb equality ignores key order and whitespace, so an unchanged definition never adds a version.
  const shipped = JSON.stringify(Object.fromEntries(definitions.map((d) => [d.slug, d.definition])));
  const rows = await tx
    .select({
      id: protocols.id,
      slug: protocols.slug,
      version: protocolVersions.version,
      same: sql<boolean>`${protocolVersions.definition} = (${shipped}::jsonb -> ${protocols.slug})`,
    })
    .from(protocols)
    .innerJoin(protocolVersions, eq(protocolVersions.id, protocols.currentVersionId))
    .where(isNotNull(protocols.slug));
  return new Map(rows.map((r) => [r.slug ?? "", { ...r, slug: r.slug ?? "" }]));
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

async function addVersion(tx: Tx, current: Current, definition: ProtocolDefinition) {
  const versionId = newId();
  await tx.insert(protocolVersions).values({
    id: versionId,
    protocolId: current.id,
    orgId: null,
    version: current.version + 1,
    definition,
  });
  await tx
    .update(protocols)
    .set({ ...columns(definition), currentVersionId: versionId, updatedAt: sql`now()` })
    .where(eq(protocols.id, current.id));
}
