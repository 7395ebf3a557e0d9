import { eq, isNotNull, sql } from "drizzle-orm";
import { builtinSurveys } from "../../../shared/surveys/builtin/index.ts";
import { type SurveyDefinition, surveyDefinitionSchema } from "../../../shared/surveys/definition.ts";
import type { Db, Tx } from "../../db/client.ts";
import { surveys, surveyVersions } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";

// Any fixed number (not the protocols' one): every process that syncs takes the same lock, so two starting
// at once take turns.
const SYNC_LOCK = 0x5e7a_1c07;

type Current = { id: string; key: string; number: number; same: boolean };

/**
 * Brings the built-in surveys in the database in line with shared/surveys/builtin: a missing one is added,
 * a changed one gets a new version (old versions stay, for the responses that answered them). Idempotent;
 * one transaction under an advisory lock, so concurrent starts neither duplicate nor interleave.
 */
export async function syncBuiltinSurveys(db: Db): Promise<{ added: number; updated: number }> {
  const definitions = builtinSurveys.map((s) => ({
    key: s.key,
    definition: surveyDefinitionSchema.parse(s.definition),
  }));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SYNC_LOCK})`);
    const current = await currentBuiltins(tx, definitions);
    let added = 0;
    let updated = 0;
    for (const { key, definition } of definitions) {
      const found = current.get(key);
      if (!found) {
        await addBuiltin(tx, key, definition);
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
  definitions: { key: string; definition: SurveyDefinition }[],
): Promise<Map<string, Current>> {
  // jsonb equality ignores key order and whitespace, so an unchanged definition never adds a version.
  const shipped = JSON.stringify(Object.fromEntries(definitions.map((d) => [d.key, d.definition])));
  const rows = await tx
    .select({
      id: surveys.id,
      key: surveys.builtinKey,
      number: surveyVersions.number,
      same: sql<boolean>`${surveyVersions.definition} = (${shipped}::jsonb -> ${surveys.builtinKey})`,
    })
    .from(surveys)
    .innerJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
    .where(isNotNull(surveys.builtinKey));
  return new Map(rows.map((r) => [r.key ?? "", { ...r, key: r.key ?? "" }]));
}

async function addBuiltin(tx: Tx, key: string, definition: SurveyDefinition) {
  const id = newId();
  const versionId = newId();
  await tx.insert(surveys).values({ id, orgId: null, builtinKey: key, title: definition.title.en });
  await tx.insert(surveyVersions).values({ id: versionId, surveyId: id, orgId: null, number: 1, definition });
  await tx.update(surveys).set({ currentVersionId: versionId }).where(eq(surveys.id, id));
}

async function addVersion(tx: Tx, current: Current, definition: SurveyDefinition) {
  const versionId = newId();
  await tx.insert(surveyVersions).values({
    id: versionId,
    surveyId: current.id,
    orgId: null,
    number: current.number + 1,
    definition,
  });
  await tx
    .update(surveys)
    .set({
      title: definition.title.en,
      currentVersionId: versionId,
      version: sql`${surveys.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(surveys.id, current.id));
}
