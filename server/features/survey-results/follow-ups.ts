import { and, eq } from "drizzle-orm";
import { goalInputSchema } from "../../../shared/schemas/goals.ts";
import type { FollowUp, FollowUpInput, SectionResult } from "../../../shared/schemas/survey-results.ts";
import { AGREEMENT_THRESHOLD } from "../../../shared/surveys/builtin/community-health.ts";
import { cycleStageRecords, surveyFollowUps } from "../../db/schema/index.ts";
import { forbidden } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { recordAudit } from "../audit/record.ts";
import { startCycle } from "../cycles/service.ts";
import { addMeasurement, todayFor } from "../goals/progress.ts";
import { createGoal } from "../goals/service.ts";
import { listFollowUps } from "./follow-up-list.ts";
import { EARLIER_KEY } from "./layout.ts";
import { type AdministrationRow, loadForResults } from "./load.ts";
import { canFollowUp, FOLLOW_UP_ONLY, refused } from "./policy.ts";
import { resultsOf } from "./service.ts";

/*
 * "Make this a goal" / "Start a cycle" from one section of a community survey's results, in one step and
 * one transaction: the goals' and cycles' own creation code (their rules, revisions and audit) makes the
 * goal or cycle, then the follow-up records where it came from. The administration row is locked first,
 * so two clicks at once make one: the second finds the first and gets it back (200).
 */

const SCALE_TOP = 4;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const dateOf = (d: Date) => new Date(d).toISOString().slice(0, 10);
function plusMonths(day: string, months: number) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Target: agreement (3.0), or half a point more when already there, never past the top of the scale. */
export function targetFor(baseline: number) {
  const target = baseline < AGREEMENT_THRESHOLD ? AGREEMENT_THRESHOLD : Math.min(SCALE_TOP, baseline + 0.5);
  return Math.round(target * 100) / 100;
}

const instrumentOf = (row: AdministrationRow) =>
  row.builtin_key === "community-health" ? "the community-health self-assessment" : `“${row.title}”`;

async function makeGoal(ctx: ServiceContext, row: AdministrationRow, section: SectionResult, n: number) {
  const baseline = Math.round((section.mean ?? 0) * 100) / 100;
  const target = targetFor(baseline);
  if (target === baseline)
    throw refused("sectionKey", "This attribute is already at full agreement: choose a growth area.");
  const today = await todayFor(ctx.db, ctx.actor);
  const closed = dateOf(row.closes_at);
  const attribute = lowerFirst(section.title);
  const goal = await createGoal(
    ctx,
    goalInputSchema.parse({
      level: "community",
      communityId: row.community_id,
      title: `Strengthen ${attribute}`,
      improvement: `Raise the team's mean agreement on ${attribute} from ${baseline.toFixed(2)} to ${target.toFixed(2)} on the four-point scale.`,
      population: `The educators of ${row.community_name ?? "the community"} who answer ${instrumentOf(row)}.`,
      measure: `Mean agreement on the ${attribute} statements of ${instrumentOf(row)}`,
      unit: "rating",
      baseline,
      target,
      startsOn: today,
      deadline: plusMonths(closed > today ? closed : today, 6),
    }),
  );
  await addMeasurement(ctx, goal.id, {
    value: baseline,
    unit: "rating",
    measuredOn: closed < today ? closed : today,
    note: `Baseline: the mean of ${n} responses to “${row.title}”.`,
  });
  return goal.id;
}

async function makeCycle(ctx: ServiceContext, row: AdministrationRow, section: SectionResult, n: number) {
  const cycle = await startCycle(ctx, row.community_id as string, {
    title: `Inquiry: ${lowerFirst(section.title)}`,
    previousCycleId: null,
  });
  const lowest = section.questions
    .filter((q) => q.kind === "likert" && q.mean !== null)
    .sort((a, b) => (a.mean ?? 0) - (b.mean ?? 0))
    .slice(0, 2)
    .map((q) => `“${q.text}” (${q.mean?.toFixed(2)})`);
  const notes = [
    `From the results of “${row.title}” (${n} responses, closing ${dateOf(row.closes_at)}):`,
    `${section.title} averaged ${section.mean?.toFixed(2)} on the four-point agreement scale (SD ${section.sd?.toFixed(2)}); ${AGREEMENT_THRESHOLD.toFixed(1)} reads as agreement.`,
    lowest.length ? `Lowest statements: ${lowest.join("; ")}.` : "",
  ]
    .filter(Boolean)
    .join("\n");
  await ctx.db
    .update(cycleStageRecords)
    .set({ notes })
    .where(and(eq(cycleStageRecords.cycleId, cycle.id), eq(cycleStageRecords.stage, 1)));
  return cycle.id;
}

/** Creates the goal or cycle once; `created` false when it already existed (the route answers 200). */
export async function followUp(
  ctx: ServiceContext,
  id: string,
  input: FollowUpInput,
): Promise<{ created: boolean; body: FollowUp }> {
  const loaded = await loadForResults(ctx.db, ctx.actor, id, true);
  const { row } = loaded;
  if (row.audience !== "community" || !row.community_id)
    throw refused("kind", "Only a community's survey becomes a community goal or cycle.");
  if (!canFollowUp(loaded.access)) throw forbidden(FOLLOW_UP_ONLY);
  const existing = (await listFollowUps(ctx.db, id, input.sectionKey)).find((f) => f.kind === input.kind);
  if (existing) return { created: false, body: existing };
  const results = await resultsOf(ctx, loaded, {});
  const section = results.sections.find((s) => s.key === input.sectionKey && s.key !== EARLIER_KEY);
  if (!section || section.mean === null)
    throw refused("sectionKey", "Choose a section of these results that has answers.");
  const made =
    input.kind === "goal"
      ? { goalId: await makeGoal(ctx, row, section, results.responses), cycleId: null }
      : { goalId: null, cycleId: await makeCycle(ctx, row, section, results.responses) };
  const followUpId = newId();
  await ctx.db.insert(surveyFollowUps).values({
    id: followUpId,
    orgId: ctx.actor.orgId,
    administrationId: id,
    sectionKey: input.sectionKey,
    ...made,
    createdBy: ctx.actor.id,
  });
  await recordAudit(ctx.db, {
    orgId: ctx.actor.orgId,
    actorId: ctx.actor.id,
    action: "survey_administration.followed_up",
    subjectType: input.kind,
    subjectId: made.goalId ?? made.cycleId,
    details: { administrationId: id, sectionKey: input.sectionKey, kind: input.kind },
    ip: ctx.ip,
  });
  const body = (await listFollowUps(ctx.db, id, input.sectionKey)).find((f) => f.id === followUpId);
  return { created: true, body: body as FollowUp };
}
