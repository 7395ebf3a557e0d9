import type { GroupSuggestions } from "../../../shared/schemas/groups.ts";
import { invalid } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { loadUsableAssessment } from "./assessment.ts";
import { standardScores } from "./scores.ts";
import { presentStudents } from "./students.ts";

/**
 * Who needs re-teaching and who is ready for extension on one standard: intervention — below the
 * assessment's mastery threshold on the standard; extension — at or above it on that standard (the focus
 * is one standard; how a student did elsewhere is the analysis page's to show). Only the students the
 * actor may read; with no standard chosen, the lists are empty and the standards are offered.
 */
export async function groupSuggestions(
  ctx: ServiceContext,
  assessmentId: string,
  standard: string,
): Promise<GroupSuggestions> {
  const a = await loadUsableAssessment(ctx.db, ctx.actor, assessmentId);
  const base = {
    assessment: {
      id: a.id,
      title: a.title,
      communityId: a.communityId,
      masteryPercent: a.masteryPercent,
    },
    standards: a.standards,
    standard,
  };
  if (standard === "") return { ...base, intervention: [], extension: [] };
  if (!a.standards.includes(standard))
    throw invalid("standard", `Choose one of this assessment's standards: ${a.standards.join(", ")}.`);
  const scores = await standardScores(ctx.db, ctx.actor, { assessmentId, standard, who: "visible" });
  const students = await presentStudents(ctx.db, ctx.actor, scores, "group suggestions");
  const byId = new Map(scores.map((s) => [s.studentId, s.percent]));
  const mastered = (id: string) => (byId.get(id) ?? 0) >= a.masteryPercent;
  return {
    ...base,
    intervention: students.filter((s) => !mastered(s.id)),
    extension: students.filter((s) => mastered(s.id)).reverse(),
  };
}
