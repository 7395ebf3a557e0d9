import { z } from "zod";
import { journalPromptKeys } from "../reflection/prompts.ts";
import { idSchema, pageOf, text } from "./common.ts";

/*
 * Personal reflection journals (issue 7): an entry is its author's alone — administrators included —
 * until the author shares it with one community they are an active member or facilitator of; then the
 * people of that community read it.
 */

const dateSchema = z.iso.date({ message: "Enter the date as YYYY-MM-DD." });
const promptSchema = z.enum(journalPromptKeys, { message: "Choose one of the prompts, or none." });
const bodySchema = z
  .string()
  .trim()
  .min(1, { message: "Write your reflection." })
  .max(20_000, { message: "Keep this under 20,000 characters." });

export const journalEntryInputSchema = z.object({
  title: text(200).default(""),
  prompt: promptSchema.nullable().default(null),
  body: bodySchema,
  /** The day it is about; today in the author's time zone when left out. */
  writtenOn: dateSchema.nullable().default(null),
  /** What it reflects on: a meeting or a cycle of a community the author belongs to. */
  meetingId: idSchema.nullable().default(null),
  cycleId: idSchema.nullable().default(null),
});
export type JournalEntryInput = z.infer<typeof journalEntryInputSchema>;

/** A PATCH: only the fields sent change; `version` is the one the author saw (409 when it moved on). */
export const journalEntryUpdateSchema = z.object({
  version: z.number({ message: "Send the version you edited." }).int().min(1),
  title: text(200).optional(),
  prompt: promptSchema.nullable().optional(),
  body: bodySchema.optional(),
  writtenOn: dateSchema.optional(),
  meetingId: idSchema.nullable().optional(),
  cycleId: idSchema.nullable().optional(),
});
export type JournalEntryUpdate = z.infer<typeof journalEntryUpdateSchema>;

export const journalShareSchema = z.object({
  communityId: idSchema,
});
export type JournalShare = z.infer<typeof journalShareSchema>;

const ref = z.object({ id: z.string(), name: z.string() });

export const journalEntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  prompt: z.string().nullable(),
  body: z.string(),
  /** The body as sanitised HTML (Markdown, rendered as in discussions). */
  bodyHtml: z.string(),
  writtenOn: z.string(),
  author: ref,
  meeting: z.object({ id: z.string(), title: z.string(), startsAt: z.string() }).nullable(),
  cycle: z.object({ id: z.string(), title: z.string() }).nullable(),
  sharedWith: ref.nullable(),
  sharedAt: z.string().nullable(),
  /** The learning-plan activity made from it, if the author added it to a plan. */
  inLearningPlan: z.object({ schoolYear: z.string(), activityId: z.string() }).nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ edit: z.boolean() }),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

export const journalPageSchema = pageOf(journalEntrySchema);
export type JournalPage = z.infer<typeof journalPageSchema>;

/** The communities the author may share with: those they are an active member or facilitator of. */
export const journalShareTargetsSchema = z.object({ items: z.array(ref) });
export type JournalShareTargets = z.infer<typeof journalShareTargetsSchema>;
