import { z } from "zod";
import { requiredText, text } from "../schemas/common.ts";

/**
 * What a discussion protocol is, as data: the library stores it, the editor edits it, the live room
 * follows it step by step and the minutes are laid out by it. One schema for all of them.
 */

/** The roles a protocol may give people. "participants" means everyone without another role. */
export const protocolRoles = [
  "facilitator",
  "presenter",
  "timekeeper",
  "note_taker",
  "participants",
] as const;
export const protocolRoleSchema = z.enum(protocolRoles, { message: "Choose a role from the list." });
export type ProtocolRole = z.infer<typeof protocolRoleSchema>;

/** What people add during a step; each becomes a contribution of that kind. */
export const contributionKinds = [
  "clarifying_question",
  "probing_question",
  "warm_feedback",
  "cool_feedback",
  "observation",
  "interpretation",
  "prediction",
  "implication",
  "celebration",
  "struggle",
  "next_step",
  "note",
] as const;
export const contributionKindSchema = z.enum(contributionKinds, {
  message: "Choose what kind of contribution this is.",
});
export type ContributionKind = z.infer<typeof contributionKindSchema>;

/** A step captures one kind of contribution, or nothing (e.g. the presenter's silent introduction). */
export const captureKinds = [...contributionKinds, "nothing"] as const;
export const captureKindSchema = z.enum(captureKinds, { message: "Choose what this step captures." });
export type CaptureKind = z.infer<typeof captureKindSchema>;

/** Whether contributions in a step carry their author's name. */
export const anonymityModes = ["named", "optional", "anonymous"] as const;
export const anonymityModeSchema = z.enum(anonymityModes, {
  message: "Choose how contributions are signed.",
});
export type AnonymityMode = z.infer<typeof anonymityModeSchema>;

/** The kinds of purpose the library filters by. */
export const protocolPurposes = [
  "feedback_on_work",
  "dilemma",
  "student_work",
  "success",
  "data",
  "practice_sharing",
  "other",
] as const;
export const protocolPurposeSchema = z.enum(protocolPurposes, {
  message: "Choose what the protocol is for.",
});
export type ProtocolPurpose = z.infer<typeof protocolPurposeSchema>;

export const MAX_STEP_MINUTES = 120;
export const MAX_PROTOCOL_MINUTES = 480;

export const protocolStepSchema = z
  .object({
    title: requiredText(120, "a title for the step"),
    minutes: z
      .number({ message: "Enter the minutes as a number." })
      .int({ message: "Use whole minutes." })
      .min(1, { message: "A step needs at least 1 minute." })
      .max(MAX_STEP_MINUTES, { message: `Keep a step to at most ${MAX_STEP_MINUTES} minutes.` }),
    /** What happens in this step, shown to everyone in the room. */
    instructions: text(2000).default(""),
    /** Who talks in this step. */
    speakers: z.array(protocolRoleSchema).max(5).default([]),
    /** Who stays silent (e.g. the presenter during feedback). */
    silent: z.array(protocolRoleSchema).max(5).default([]),
    /** Sentence stems and prompts shown in the room. */
    prompts: z
      .array(requiredText(300, "the prompt"))
      .max(12, { message: "Keep to at most 12 prompts." })
      .default([]),
    captures: captureKindSchema.default("nothing"),
    anonymity: anonymityModeSchema.default("named"),
  })
  .strict()
  .refine((step) => !step.speakers.some((role) => step.silent.includes(role)), {
    message: "A role can't both speak and stay silent in the same step.",
    path: ["silent"],
  });
export type ProtocolStep = z.output<typeof protocolStepSchema>;

export const groupSizeSchema = z
  .object({
    min: z.number().int().min(1, { message: "A group has at least 1 person." }).max(500),
    max: z.number().int().min(1).max(500, { message: "Keep the group size to at most 500." }),
  })
  .strict()
  .refine((size) => size.min <= size.max, {
    message: "The smallest group can't be larger than the largest.",
    path: ["max"],
  });

export const protocolDefinitionSchema = z
  .object({
    name: requiredText(120, "a name for the protocol"),
    purpose: protocolPurposeSchema,
    /** One or two sentences: what the protocol does. */
    summary: text(1000).default(""),
    whenToUse: text(2000).default(""),
    groupSize: groupSizeSchema,
    roles: z.array(protocolRoleSchema).min(1, { message: "Name at least one role." }).max(5),
    steps: z
      .array(protocolStepSchema)
      .min(1, { message: "Add at least one step." })
      .max(30, { message: "Keep to at most 30 steps." }),
  })
  .strict()
  .refine((p) => totalMinutes(p.steps) <= MAX_PROTOCOL_MINUTES, {
    message: `All steps together must fit in ${MAX_PROTOCOL_MINUTES} minutes.`,
    path: ["steps"],
  });
export type ProtocolDefinition = z.output<typeof protocolDefinitionSchema>;
export type ProtocolDefinitionInput = z.input<typeof protocolDefinitionSchema>;

export function totalMinutes(steps: readonly { minutes: number }[]): number {
  return steps.reduce((sum, step) => sum + step.minutes, 0);
}
