import { z } from "zod";
import { idSchema, text } from "./common.ts";

/*
 * A personal learning plan (issue 7): one per person and school year — years start on 1 August and are
 * named "2026-27". It is its owner's alone: nobody else reads it, administrators included.
 */

export const learningActivityKinds = [
  "community",
  "meeting",
  "visit",
  "course",
  "conference",
  "chat",
  "reading",
  "reflection",
  "other",
] as const;
export type LearningActivityKind = (typeof learningActivityKinds)[number];
export const learningGoalStatuses = ["active", "achieved", "set_aside"] as const;
export type LearningGoalStatus = (typeof learningGoalStatuses)[number];

/** The school year a day falls in: 1 August 2026 – 31 July 2027 is "2026-27". */
export function schoolYearOf(date: string): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const start = m >= 8 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

/** "2026-27" → { first: "2026-08-01", last: "2027-07-31" }. */
export function schoolYearBounds(year: string): { first: string; last: string } {
  const start = Number(year.slice(0, 4));
  return { first: `${start}-08-01`, last: `${start + 1}-07-31` };
}

/** "2026-27" → "2026–27", as people write it. */
export const schoolYearLabel = (year: string) => year.replace("-", "–");

export const schoolYearSchema = z
  .string()
  .regex(/^\d{4}-\d{2}$/, { message: "Name the school year like 2026-27." })
  .refine((y) => (Number(y.slice(0, 4)) + 1) % 100 === Number(y.slice(5)), {
    message: "A school year runs from one year to the next, like 2026-27.",
  });
/** In a path: a school year, or "current" for the one today falls in (in the person's time zone). */
export const planParamsSchema = z.object({ year: z.union([z.literal("current"), schoolYearSchema]) });

/** Hours: 0 to 1,000, in quarter hours (1.25, not 1.3). */
export const hoursSchema = z
  .number({ message: "Enter the hours as a number, like 1.5." })
  .min(0, { message: "Hours cannot be negative." })
  .max(1000, { message: "Enter at most 1,000 hours." })
  .refine((h) => Number.isInteger(h * 4), { message: "Use quarter hours: 1, 1.25, 1.5 or 1.75." });

export const learningGoalInputSchema = z.object({
  title: text(200).min(1, { message: "Say what you want to learn." }),
  why: text(2000).default(""),
  status: z
    .enum(learningGoalStatuses, { message: "Choose active, achieved or set aside." })
    .default("active"),
  /** A Lamplight goal (the team's, the school's…) this learning serves. */
  goalId: idSchema.nullable().default(null),
});
export type LearningGoalInput = z.infer<typeof learningGoalInputSchema>;
export const learningGoalUpdateSchema = learningGoalInputSchema.partial();
export type LearningGoalUpdate = z.infer<typeof learningGoalUpdateSchema>;

const dateSchema = z.iso.date({ message: "Enter the date as YYYY-MM-DD." });

export const activityInputSchema = z.object({
  kind: z.enum(learningActivityKinds, { message: "Choose what kind of learning it was." }),
  title: text(200).min(1, { message: "Name the activity." }),
  happenedOn: dateSchema.nullable().default(null),
  hours: hoursSchema.nullable().default(null),
  learningGoalId: idSchema.nullable().default(null),
  communityId: idSchema.nullable().default(null),
  meetingId: idSchema.nullable().default(null),
  journalEntryId: idSchema.nullable().default(null),
  evidence: text(2000).default(""),
  reflection: text(5000).default(""),
});
export type ActivityInput = z.infer<typeof activityInputSchema>;
export const activityUpdateSchema = activityInputSchema.partial();
export type ActivityUpdate = z.infer<typeof activityUpdateSchema>;

export const planUpdateSchema = z.object({
  /** The version seen; 0 when the plan did not exist yet. */
  version: z.number({ message: "Send the version you edited." }).int().min(0),
  reflection: text(10_000).optional(),
  modelingForStudents: text(10_000).optional(),
});
export type PlanUpdate = z.infer<typeof planUpdateSchema>;

/** "Add to my learning plan" from a journal entry: under a learning goal, an existing one or a new one. */
export const addEntryToPlanSchema = z.object({
  learningGoalId: idSchema.nullable().default(null),
  newGoalTitle: text(200).default(""),
});
export type AddEntryToPlan = z.infer<typeof addEntryToPlanSchema>;

const ref = z.object({ id: z.string(), title: z.string() });

export const learningGoalSchema = z.object({
  id: z.string(),
  title: z.string(),
  why: z.string(),
  status: z.enum(learningGoalStatuses),
  goal: ref.nullable(),
});
export type LearningGoal = z.infer<typeof learningGoalSchema>;

export const activitySchema = z.object({
  id: z.string(),
  kind: z.enum(learningActivityKinds),
  title: z.string(),
  happenedOn: z.string().nullable(),
  hours: z.number().nullable(),
  learningGoalId: z.string().nullable(),
  community: z.object({ id: z.string(), name: z.string() }).nullable(),
  meeting: ref.nullable(),
  journalEntry: ref.nullable(),
  evidence: z.string(),
  reflection: z.string(),
});
export type Activity = z.infer<typeof activitySchema>;

export const planTotalsSchema = z.object({
  hours: z.number(),
  byGoal: z.array(z.object({ learningGoalId: z.string().nullable(), hours: z.number() })),
  byKind: z.array(z.object({ kind: z.enum(learningActivityKinds), hours: z.number() })),
});
export type PlanTotals = z.infer<typeof planTotalsSchema>;

export const learningPlanSchema = z.object({
  /** Null until the first write creates the plan. */
  id: z.string().nullable(),
  schoolYear: z.string(),
  currentYear: z.string(),
  /** Years to switch between: those with a plan, the current one and the one shown, newest first. */
  years: z.array(z.string()),
  reflection: z.string(),
  modelingForStudents: z.string(),
  version: z.number(),
  goals: z.array(learningGoalSchema),
  activities: z.array(activitySchema),
  totals: planTotalsSchema,
});
export type LearningPlan = z.infer<typeof learningPlanSchema>;

/** Sums hours overall, per learning goal (in the goals' order, then "no goal") and per kind. */
export function totalsOf(
  activities: Pick<Activity, "hours" | "kind" | "learningGoalId">[],
  goalIds: string[],
): PlanTotals {
  const sum = (list: typeof activities) => list.reduce((s, a) => s + (a.hours ?? 0), 0);
  const unlinked = activities.filter((a) => !a.learningGoalId || !goalIds.includes(a.learningGoalId));
  const byGoal = goalIds.map((id) => ({
    learningGoalId: id as string | null,
    hours: sum(activities.filter((a) => a.learningGoalId === id)),
  }));
  if (unlinked.length) byGoal.push({ learningGoalId: null, hours: sum(unlinked) });
  const byKind = learningActivityKinds
    .filter((kind) => activities.some((a) => a.kind === kind))
    .map((kind) => ({ kind, hours: sum(activities.filter((a) => a.kind === kind)) }));
  return { hours: sum(activities), byGoal, byKind };
}
