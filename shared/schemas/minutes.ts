import { z } from "zod";
import { captureKinds, contributionKinds } from "../protocols/definition.ts";
import { actionItemSchema } from "./action-items.ts";
import { idSchema, requiredText } from "./common.ts";
import { agendaItemKinds, meetingStatuses } from "./meeting-enums.ts";

/**
 * Minutes of a meeting: a structured record generated when the meeting ends (what happened, step by
 * step), a summary the facilitator writes, and the meeting's decisions and action items.
 */

export const MAX_SUMMARY = 20_000;
export const MAX_DECISION = 2000;

const person = z.object({ id: z.string(), name: z.string() });

export const minutesContributionSchema = z.object({
  id: z.string(),
  kind: z.enum(contributionKinds),
  body: z.string(),
  /** The author's name, or null when the card was anonymous. */
  author: z.string().nullable(),
  createdAt: z.string(),
});
export type MinutesContribution = z.infer<typeof minutesContributionSchema>;

export const minutesStepSchema = z.object({
  index: z.number().int(),
  title: z.string(),
  minutes: z.number().int(),
  captures: z.enum(captureKinds),
  contributions: z.array(minutesContributionSchema),
});
export type MinutesStep = z.infer<typeof minutesStepSchema>;

export const minutesItemSchema = z.object({
  id: z.string(),
  kind: z.enum(agendaItemKinds),
  title: z.string(),
  minutes: z.number().int(),
  presenter: person.nullable(),
  focusingQuestion: z.string(),
  material: z.string(),
  materialUrl: z.string(),
  details: z.string(),
  /** Protocol runs: the protocol as it was used (name and version). */
  protocol: z.object({ name: z.string(), version: z.number().int() }).nullable(),
  steps: z.array(minutesStepSchema),
  /** Contributions outside any step of the protocol (items without a protocol keep theirs here). */
  contributions: z.array(minutesContributionSchema),
});
export type MinutesItem = z.infer<typeof minutesItemSchema>;

/** Version 1 of the generated record (minutes.record); a new shape gets a new version number. */
export const minutesRecordSchema = z.object({
  version: z.literal(1),
  meeting: z.object({
    id: z.string(),
    title: z.string(),
    startsAt: z.string(),
    endedAt: z.string().nullable(),
    durationMinutes: z.number().int(),
    timeZone: z.string(),
    place: z.string(),
    videoUrl: z.string(),
  }),
  community: z.object({ id: z.string(), name: z.string() }),
  attendance: z.object({ present: z.array(person), absent: z.array(person) }),
  items: z.array(minutesItemSchema),
  notes: z.string(),
  /** As they were when the record was generated; the live lists are on the minutes response. */
  decisions: z.array(z.object({ id: z.string(), text: z.string() })),
  actionItems: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      owner: z.string().nullable(),
      dueOn: z.string().nullable(),
      status: z.string(),
    }),
  ),
  generatedAt: z.string(),
});
export type MinutesRecord = z.infer<typeof minutesRecordSchema>;

export const decisionSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  agendaItemId: z.string().nullable(),
  text: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const decisionInputSchema = z
  .object({
    text: requiredText(MAX_DECISION, "the decision"),
    agendaItemId: idSchema.nullable().default(null),
  })
  .strict();
export type DecisionInput = z.output<typeof decisionInputSchema>;
export const decisionUpdateSchema = decisionInputSchema.partial().strict();

export const minutesCanSchema = z.object({
  /** Edit the summary, regenerate, edit attendance (facilitators and the community's leaders). */
  edit: z.boolean(),
  /** Add, change and remove decisions (also the meeting's note-taker). */
  recordDecisions: z.boolean(),
  /** Add action items (also the meeting's note-taker). */
  addActionItems: z.boolean(),
});
export type MinutesCan = z.infer<typeof minutesCanSchema>;

export const minutesSchema = z.object({
  meeting: z.object({
    id: z.string(),
    title: z.string(),
    startsAt: z.string(),
    timeZone: z.string(),
    status: z.enum(meetingStatuses),
    endedAt: z.string().nullable(),
    communityId: z.string(),
    communityName: z.string(),
  }),
  /** Null until the meeting ends and its minutes are generated. */
  record: minutesRecordSchema.nullable(),
  summary: z.string(),
  revision: z.number().int(),
  generatedAt: z.string().nullable(),
  editedAt: z.string().nullable(),
  editedBy: z.string().nullable(),
  agendaItems: z.array(z.object({ id: z.string(), title: z.string() })),
  decisions: z.array(decisionSchema),
  actionItems: z.array(actionItemSchema),
  can: minutesCanSchema,
});
export type Minutes = z.infer<typeof minutesSchema>;

export const summaryUpdateSchema = z
  .object({
    summary: z.string({ message: "Enter the summary as text." }).max(MAX_SUMMARY, {
      message: `Keep the summary under ${MAX_SUMMARY.toLocaleString("en")} characters.`,
    }),
    revision: z
      .number({ message: "Reload the minutes and try again." })
      .int({ message: "Reload the minutes and try again." })
      .min(1, { message: "Reload the minutes and try again." }),
  })
  .strict();
export type SummaryUpdate = z.output<typeof summaryUpdateSchema>;

export const archiveEntrySchema = z.object({
  meetingId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  timeZone: z.string(),
  endedAt: z.string().nullable(),
  hasMinutes: z.boolean(),
  contributionCount: z.number().int(),
  decisionCount: z.number().int(),
  actionItemCount: z.number().int(),
});
export type ArchiveEntry = z.infer<typeof archiveEntrySchema>;

export const archiveQuerySchema = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const archiveSchema = z.object({
  community: z.object({ id: z.string(), name: z.string() }),
  items: z.array(archiveEntrySchema),
  nextCursor: z.string().nullable(),
});
export type Archive = z.infer<typeof archiveSchema>;
