import { z } from "zod";
import { isHttpsUrl, smartProblems } from "../goals/smart.ts";
import { idSchema, requiredText, text } from "./common.ts";
import { goalLevels, goalStatuses, goalUnits } from "./goal-enums.ts";

/** Goals: SMART fields, status with reasons, history, alignment, measurements and check-ins. */

/** The fields an edit may change, in the order the goal's history lists them. */
export const editableGoalFields = [
  "title",
  "improvement",
  "population",
  "measure",
  "unit",
  "baseline",
  "target",
  "startsOn",
  "deadline",
  "ownerId",
  "status",
  "source",
  "sourceUrl",
] as const;
export type EditableGoalField = (typeof editableGoalFields)[number];

export const MAX_GOAL_TITLE = 200;
export const MAX_GOAL_TEXT = 2000;
export const MAX_ALIGNMENTS = 20;
export const MAX_LINKS = 10;

export const goalLevelSchema = z.enum(goalLevels, { message: "Choose a level from the list." });
export const goalStatusSchema = z.enum(goalStatuses, { message: "Choose a status from the list." });
export const goalUnitSchema = z.enum(goalUnits, { message: "Choose a unit from the list." });

const DATE_MESSAGE = "Enter a date, like 2026-09-01.";
export const goalDateSchema = z
  .string({ message: DATE_MESSAGE })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: DATE_MESSAGE })
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    const year = Number(v.slice(0, 4));
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && year >= 2000 && year <= 2100;
  }, "This date does not exist, or its year is not between 2000 and 2100; check it.");

/** A finite number (forms send numbers; a blank field is null). */
const amount = z
  .number({ message: "Enter a number." })
  .finite({ message: "Enter a number." })
  .min(-1e9, { message: "Enter a smaller number." })
  .max(1e9, { message: "Enter a smaller number." });

export const httpsUrlSchema = z
  .string()
  .trim()
  .max(2000, { message: "Keep the link under 2000 characters." })
  .refine((v) => v === "" || isHttpsUrl(v), { message: "Enter a link starting with https://." });

const fields = {
  title: requiredText(MAX_GOAL_TITLE, "a title for the goal"),
  improvement: text(MAX_GOAL_TEXT),
  population: text(MAX_GOAL_TEXT),
  measure: text(MAX_GOAL_TEXT),
  unit: goalUnitSchema.nullable(),
  baseline: amount.nullable(),
  target: amount.nullable(),
  startsOn: goalDateSchema.nullable(),
  deadline: goalDateSchema.nullable(),
  ownerId: idSchema.nullable(),
  source: text(500),
  sourceUrl: httpsUrlSchema,
};

/** Creating a goal: where it sits (level + school or community), its SMART fields, and what it serves. */
export const goalInputSchema = z
  .object({
    level: goalLevelSchema,
    schoolId: idSchema.nullable().default(null),
    communityId: idSchema.nullable().default(null),
    title: fields.title,
    improvement: fields.improvement.default(""),
    population: fields.population.default(""),
    measure: fields.measure.default(""),
    unit: fields.unit.default(null),
    baseline: fields.baseline.default(null),
    target: fields.target.default(null),
    startsOn: fields.startsOn.default(null),
    deadline: fields.deadline.default(null),
    ownerId: fields.ownerId.default(null),
    status: goalStatusSchema.default("not_started"),
    source: fields.source.default(""),
    sourceUrl: fields.sourceUrl.default(""),
    alignedToIds: z.array(idSchema).max(MAX_ALIGNMENTS).default([]),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (g.level === "school" && !g.schoolId)
      ctx.addIssue({ code: "custom", path: ["schoolId"], message: "Choose the school this goal is for." });
    if (g.level === "community" && !g.communityId)
      ctx.addIssue({
        code: "custom",
        path: ["communityId"],
        message: "Choose the community this goal is for.",
      });
    // A field its own schema already refused (a date that does not exist) gets one message, not two.
    const refused = new Set(ctx.issues.map((i) => String(i.path?.[0])));
    for (const p of smartProblems(g))
      if (!refused.has(p.path)) ctx.addIssue({ code: "custom", path: [p.path], message: p.message });
  });
export type GoalInput = z.output<typeof goalInputSchema>;
export type GoalFormInput = z.input<typeof goalInputSchema>;

/**
 * A PATCH: only the fields sent change; `version` is the version the editor saw (409 when the goal changed
 * since). `reason` is required when the status changes. SMART rules are checked on the goal as it would be.
 */
export const goalUpdateSchema = z
  .object({
    version: z.number({ message: "Send the version you edited." }).int().min(1),
    reason: text(MAX_GOAL_TEXT).default(""),
    ...z.object({ ...fields, status: goalStatusSchema }).partial().shape,
  })
  .strict();
export type GoalUpdate = z.output<typeof goalUpdateSchema>;
export type GoalUpdateInput = z.input<typeof goalUpdateSchema>;

export const alignmentsInputSchema = z
  .object({
    alignedToIds: z
      .array(idSchema)
      .max(MAX_ALIGNMENTS, { message: `Choose at most ${MAX_ALIGNMENTS} goals.` }),
  })
  .strict();

export const measurementInputSchema = z
  .object({
    value: amount,
    unit: goalUnitSchema,
    measuredOn: goalDateSchema,
    note: text(MAX_GOAL_TEXT).default(""),
  })
  .strict();
export type MeasurementInput = z.output<typeof measurementInputSchema>;
export type MeasurementFormInput = z.input<typeof measurementInputSchema>;

export const evidenceLinkSchema = z.object({
  title: requiredText(200, "what the link shows"),
  url: httpsUrlSchema.refine((v) => v !== "", { message: "Enter a link starting with https://." }),
});

export const checkInInputSchema = z
  .object({
    note: requiredText(MAX_GOAL_TEXT, "a note on how it is going"),
    links: z
      .array(evidenceLinkSchema)
      .max(MAX_LINKS, { message: `Add at most ${MAX_LINKS} links.` })
      .default([]),
  })
  .strict();
export type CheckInInput = z.output<typeof checkInInputSchema>;
export type CheckInFormInput = z.input<typeof checkInInputSchema>;

export const goalListQuerySchema = z
  .object({
    level: goalLevelSchema.optional(),
    status: goalStatusSchema.optional(),
    schoolId: idSchema.optional(),
    communityId: idSchema.optional(),
  })
  .strict();
export type GoalListQuery = z.output<typeof goalListQuerySchema>;

const named = z.object({ id: z.string(), name: z.string() });

/** Another goal, as named from this one (what it serves, what serves it). */
export const goalRefSchema = z.object({
  id: z.string(),
  level: goalLevelSchema,
  title: z.string(),
  status: goalStatusSchema,
  placeName: z.string().nullable(),
});
export type GoalRef = z.infer<typeof goalRefSchema>;

export const goalCanSchema = z.object({
  /** Change its fields and status (the goal's editors). */
  edit: z.boolean(),
  /** Add measurements and check-ins (editors, the owner, a community goal's members). */
  recordProgress: z.boolean(),
  /** Choose what it aligns to (its editors). */
  align: z.boolean(),
});

export const progressSchema = z.object({
  latest: z.object({ value: z.number(), measuredOn: z.string() }).nullable(),
  /** 0 at the baseline, 1 at the target. */
  fraction: z.number().nullable(),
  met: z.boolean(),
});

export const goalSchema = z.object({
  id: z.string(),
  level: goalLevelSchema,
  school: named.nullable(),
  community: named.nullable(),
  title: z.string(),
  improvement: z.string(),
  population: z.string(),
  measure: z.string(),
  unit: goalUnitSchema.nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  startsOn: z.string().nullable(),
  deadline: z.string().nullable(),
  owner: named.nullable(),
  status: goalStatusSchema,
  statusReason: z.string(),
  statusChangedAt: z.string().nullable(),
  source: z.string(),
  sourceUrl: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  alignedTo: z.array(goalRefSchema),
  progress: progressSchema,
  can: goalCanSchema,
});
export type Goal = z.infer<typeof goalSchema>;

export const measurementSchema = z.object({
  id: z.string(),
  value: z.number(),
  unit: goalUnitSchema,
  measuredOn: z.string(),
  source: z.enum(["manual", "import"]),
  note: z.string(),
  createdBy: named,
  createdAt: z.string(),
});
export type Measurement = z.infer<typeof measurementSchema>;

export const checkInSchema = z.object({
  id: z.string(),
  note: z.string(),
  links: z.array(z.object({ title: z.string(), url: z.string() })),
  author: named,
  createdAt: z.string(),
});
export type CheckIn = z.infer<typeof checkInSchema>;

/** One goal in full: what serves it (only what the caller may read), its measurements and check-ins. */
export const goalDetailSchema = goalSchema.extend({
  alignedFrom: z.array(goalRefSchema),
  measurements: z.array(measurementSchema),
  checkIns: z.array(checkInSchema),
});
export type GoalDetail = z.infer<typeof goalDetailSchema>;

export const goalListSchema = z.object({ items: z.array(goalSchema) });

export const goalRevisionSchema = z.object({
  id: z.string(),
  version: z.number(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  reason: z.string(),
  changedBy: named,
  changedAt: z.string(),
});
export type GoalRevision = z.infer<typeof goalRevisionSchema>;
export const goalHistorySchema = z.object({ items: z.array(goalRevisionSchema) });
