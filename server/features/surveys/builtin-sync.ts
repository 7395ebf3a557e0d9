import { eq, isNotNull, sql } from "drizzle-orm";
import { builtinSurveys } from "../../../shared/surveys/builtin/index.ts";
import { type SurveyDefinition, surveyDefinitionSchema } from "../../../shared/surveys/definition.ts";
import type { Db, Tx } from "../../db/client.ts";
import { surveys, surveyVersions } from "../../db/schema/index.ts";
import { type StoredBuiltin, syncBuiltins } from "../../lib/builtin-sync.ts";
import { newId } from "../../lib/ids.ts";

// Any fixed number (not the protocols' one): every process that syncs takes the same lock, so two starting
// at once take turns.
const SYNC_LOCK = 0x5e7a_1c07;

/** Brings the built-in surveys in line with shared/surveys/builtin (server/lib/builtin-sync.ts). */
export function syncBuiltinSurveys(db: Db): Promise<{ added: number; updated: number }> {
  const shipped = builtinSurveys.map((s) => ({
    key: s.key,
    definition: surveyDefinitionSchema.parse(s.definition),
  }));
  return syncBuiltins(db, SYNC_LOCK, shipped, { stored, add: addBuiltin, addVersion });
}

async function stored(tx: Tx, shippedJson: string): Promise<Map<string, StoredBuiltin>> {
  const rows = await tx
    .select({
      id: surveys.id,
      key: surveys.builtinKey,
      number: surveyVersions.number,
      same: sql<boolean>`${surveyVersions.definition} = (${shippedJson}::jsonb -> ${surveys.builtinKey})`,
    })
    .from(surveys)
    .innerJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
    .where(isNotNull(surveys.builtinKey));
  return new Map(rows.map((r) => [r.key ?? "", r]));
}

async function addBuiltin(tx: Tx, key: string, definition: SurveyDefinition) {
  const id = newId();
  const versionId = newId();
  await tx.insert(surveys).values({ id, orgId: null, builtinKey: key, title: definition.title.en });
  await tx.insert(surveyVersions).values({ id: versionId, surveyId: id, orgId: null, number: 1, definition });
  await tx.update(surveys).set({ currentVersionId: versionId }).where(eq(surveys.id, id));
}

async function addVersion(tx: Tx, current: StoredBuiltin, definition: SurveyDefinition) {
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
