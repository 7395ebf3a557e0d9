import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { schools } from "../../db/schema/index.ts";
import { invalid } from "../../http/errors.ts";

/** Rejects school ids that are not open schools of this district (`path` names the form field). */
export async function checkSchoolsInOrg(
  db: Executor,
  orgId: string,
  schoolIds: string[],
  path = "schoolIds",
) {
  const unique = [...new Set(schoolIds)];
  if (unique.length === 0) return;
  const found = await db
    .select({ id: schools.id })
    .from(schools)
    .where(and(eq(schools.orgId, orgId), inArray(schools.id, unique), isNull(schools.archivedAt)));
  if (found.length !== unique.length) throw invalid(path, "Choose schools from your district's list.");
}
