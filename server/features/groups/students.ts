import type { GroupStudent } from "../../../shared/schemas/groups.ts";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { readStudentIdentities } from "../students/access.ts";
import type { StandardScore } from "./scores.ts";

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * Scores as people see them: names and district ids read through readStudentIdentities (the one way,
 * audited with `purpose`); a student whose name the actor may not read keeps the pseudonym only.
 */
export async function presentStudents(
  db: Executor,
  actor: Actor,
  scores: (
    | StandardScore
    | { studentId: string; pseudonym: string; percent: null; classes: StandardScore["classes"] }
  )[],
  purpose: string,
): Promise<GroupStudent[]> {
  const names = await readStudentIdentities(
    db,
    actor,
    scores.map((s) => s.studentId),
    purpose,
  );
  return scores.map((s) => {
    const who = names.get(s.studentId);
    const name = who ? `${who.preferredName || who.givenName} ${who.familyName}`.trim() || null : null;
    return {
      id: s.studentId,
      pseudonym: s.pseudonym,
      name,
      districtId: who ? who.identifier || null : null,
      classes: s.classes.map((c) => c.title),
      percent: s.percent === null ? null : oneDecimal(s.percent),
    };
  });
}
