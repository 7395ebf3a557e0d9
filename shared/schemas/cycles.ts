import { z } from "zod";
import { dueOnSchema } from "./action-items.ts";
import { idSchema, requiredText, text } from "./common.ts";
import {
  type CycleStage,
  cycleDecisions,
  cycleStages,
  cycleStatuses,
  evidenceKinds,
  goalUnits,
} from "./goal-enums.ts";

/** Improvement cycles: a community's cycle of inquiry through seven stages, from need to result. */

export const MAX_CYCLE_TITLE = 200;
export const MAX_STAGE_TEXT = 5000;

const long = text(MAX_STAGE_TEXT).default("");
const versionSchema = z.number({ message: "Send the version you last read." }).int().min(1);
export const stageNumberSchema = z.coerce
  .number({ message: "Choose a stage from 1 to 7." })
  .int({ message: "Choose a stage from 1 to 7." })
  .min(1, { message: "Choose a stage from 1 to 7." })
  .max(7, { message: "Choose a stage from 1 to 7." });

/** A date of the implementation plan (YYYY-MM-DD in a believable year), or none yet. */
const planDate = dueOnSchema.nullable().default(null);

/** The fields each stage records besides its notes (stored in cycle_stage_records.details). */
export const stageDetailSchemas = {
  identify_needs: z
    .object({
      studentNeeds: long,
      educatorNeeds: long,
      /** The data and work the team looked at to find the needs. */
      evidenceReviewed: long,
    })
    .strict(),
  /** The goal itself is cycles.goal_id (PATCH the cycle); here, why the team picked it. */
  set_goal: z.object({ why: long }).strict(),
  professional_learning: z
    .object({
      learningNeeds: long,
      /** How: resources, sessions, who leads them. */
      approach: long,
    })
    .strict(),
  plan_strategy: z
    .object({
      strategy: long,
      /** Who carries it out: people of the community. */
      who: z.array(idSchema).max(100, { message: "Choose at most 100 people." }).default([]),
      what: long,
      classes: text(500).default(""),
      from: planDate,
      to: planDate,
    })
    .strict()
    .superRefine((plan, ctx) => {
      if (plan.from && plan.to && plan.to < plan.from)
        ctx.addIssue({ code: "custom", path: ["to"], message: "Choose an end date on or after the start." });
    }),
  collect_evidence: z.object({ summary: long }).strict(),
  evaluate_results: z.object({ findings: long }).strict(),
  decide: z.object({}).strict(),
} satisfies Record<CycleStage, z.ZodType>;

export type StageDetails = { [K in CycleStage]: z.output<(typeof stageDetailSchemas)[K]> };

/** A stage's details as stored, read leniently (an older or empty record reads as the defaults). */
export function readDetails<K extends CycleStage>(stage: K, stored: unknown): StageDetails[K] {
  const parsed = stageDetailSchemas[stage].safeParse(stored ?? {});
  return (parsed.success ? parsed.data : stageDetailSchemas[stage].parse({})) as StageDetails[K];
}

export const cycleCreateSchema = z
  .object({
    title: requiredText(MAX_CYCLE_TITLE, "a title for the cycle"),
    /** A completed cycle of the same community that this one continues. */
    previousCycleId: idSchema.nullable().default(null),
  })
  .strict();
export type CycleCreate = z.output<typeof cycleCreateSchema>;

export const cycleUpdateSchema = z
  .object({
    version: versionSchema,
    title: requiredText(MAX_CYCLE_TITLE, "a title for the cycle").optional(),
    /** One of the community's own goals, or null to clear it. */
    goalId: idSchema.nullable().optional(),
  })
  .strict();
export type CycleUpdate = z.output<typeof cycleUpdateSchema>;

/** PUT of a stage's record: notes and the stage's own fields (checked against that stage's schema). */
export const stageInputSchema = z
  .object({
    version: versionSchema.optional(),
    notes: long,
    details: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
export type StageInput = z.output<typeof stageInputSchema>;

/** Move to a stage: the next one or the one before (the target makes a double submit harmless). */
export const stageMoveSchema = z
  .object({ to: stageNumberSchema, version: versionSchema.optional() })
  .strict();

/** Stopping a cycle before its decision (the team moved on, the need went away): say why. */
export const stopInputSchema = z
  .object({
    version: versionSchema.optional(),
    reason: requiredText(MAX_STAGE_TEXT, "why the team stops this cycle"),
  })
  .strict();
export type StopInput = z.output<typeof stopInputSchema>;

export const decisionInputSchema = z
  .object({
    version: versionSchema.optional(),
    decision: z.enum(cycleDecisions, { message: "Choose adopt, adapt or abandon." }),
    note: long,
    nextFocus: long,
  })
  .strict();
export type DecisionInput = z.output<typeof decisionInputSchema>;

const evidenceBase = { stage: stageNumberSchema, note: text(1000).default("") };
export const evidenceInputSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("artifact"), artifactId: idSchema, ...evidenceBase }).strict(),
    z.object({ kind: z.literal("meeting"), meetingId: idSchema, ...evidenceBase }).strict(),
    z.object({ kind: z.literal("goal"), goalId: idSchema, ...evidenceBase }).strict(),
    z
      .object({
        kind: z.literal("url"),
        url: z
          .string()
          .trim()
          .max(2000, { message: "Keep the link under 2000 characters." })
          .refine((u) => /^https:\/\/[^\s/]+\.[^\s]+$/i.test(u), {
            message: "Enter a link that starts with https://.",
          }),
        title: requiredText(200, "what the link is"),
        ...evidenceBase,
      })
      .strict(),
  ],
  { message: "Choose what the evidence is: a work sample, a meeting, a goal or a link." },
);
export type EvidenceInput = z.output<typeof evidenceInputSchema>;

export const evidenceSchema = z.object({
  id: z.string(),
  stage: z.number().int(),
  kind: z.enum(evidenceKinds),
  /** The artifact's, meeting's or goal's id (null for a link). */
  targetId: z.string().nullable(),
  title: z.string(),
  url: z.string(),
  note: z.string(),
  addedBy: z.string(),
  createdAt: z.string(),
  canRemove: z.boolean(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const stageRecordSchema = z.object({
  stage: z.number().int(),
  key: z.enum(cycleStages),
  notes: z.string(),
  details: z.record(z.string(), z.unknown()),
  enteredAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  evidence: z.array(evidenceSchema),
});
export type StageRecord = z.infer<typeof stageRecordSchema>;

export const cycleGoalSchema = z.object({
  id: z.string(),
  title: z.string(),
  unit: z.enum(goalUnits).nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  latest: z.object({ value: z.number(), measuredOn: z.string() }).nullable(),
  /** 0 at the baseline, 1 at the target (shared/goals/progress.ts); null without a measurement. */
  progress: z.number().nullable(),
});

export const cycleCanSchema = z.object({
  /** Title and goal (the community's managers). */
  edit: z.boolean(),
  /** Stage notes and evidence (managers and active members). */
  contribute: z.boolean(),
  /** Move to the next stage or back one (managers). */
  advance: z.boolean(),
  /** Record the decision at stage 7 (managers). */
  decide: z.boolean(),
  /** Start the cycle that continues this finished one (managers, while none does yet). */
  startNext: z.boolean(),
});

const cycleHead = {
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  title: z.string(),
  stage: z.number().int(),
  stageKey: z.enum(cycleStages),
  status: z.enum(cycleStatuses),
  decision: z.enum(cycleDecisions).nullable(),
  goal: z.object({ id: z.string(), title: z.string() }).nullable(),
  lastActivityAt: z.string(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
};

export const cycleSummarySchema = z.object(cycleHead);
export type CycleSummary = z.infer<typeof cycleSummarySchema>;
export const cycleListSchema = z.object({ items: z.array(cycleSummarySchema) });

export const cycleSchema = z.object({
  ...cycleHead,
  goal: cycleGoalSchema.nullable(),
  decisionNote: z.string(),
  nextFocus: z.string(),
  version: z.number().int(),
  previousCycle: z.object({ id: z.string(), title: z.string(), nextFocus: z.string() }).nullable(),
  nextCycle: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** The seven stages in order: the timeline. */
  stages: z.array(stageRecordSchema),
  /** What the current stage still needs before the team may move past it. */
  missing: z.array(z.object({ field: z.string(), message: z.string() })),
  /** The community's own goals, to pick from at stage 2. */
  goalOptions: z.array(z.object({ id: z.string(), title: z.string() })),
  can: cycleCanSchema,
});
export type Cycle = z.infer<typeof cycleSchema>;
