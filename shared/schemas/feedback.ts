import { z } from "zod";
import { contributionKinds } from "../protocols/definition.ts";
import { requiredText } from "./common.ts";
import { feedbackKinds, questionKinds } from "./work-enums.ts";

/** Structured feedback on a work sample, in the forms practitioners use (capability 3). */

export const MAX_FEEDBACK_BODY = 2000;
export const MAX_FEEDBACK_ANSWER = 2000;
export const MAX_CRITERION = 200;

export const feedbackKindSchema = z.enum(feedbackKinds, {
  message: "Choose a form of feedback: warm, cool, I like, I wonder, What if, or a question.",
});
export type { FeedbackKind } from "./work-enums.ts";

export const isQuestionKind = (kind: string) => (questionKinds as readonly string[]).includes(kind);

export const feedbackInputSchema = z
  .object({
    kind: feedbackKindSchema,
    body: requiredText(MAX_FEEDBACK_BODY, "your feedback"),
    anonymous: z.boolean({ message: "Choose whether to give it anonymously." }).default(false),
    /** One of the artifact's rubric criteria, or none. */
    rubricCriterion: z
      .string()
      .trim()
      .max(MAX_CRITERION, { message: "Choose a criterion from the list." })
      .nullable()
      .default(null)
      .transform((v) => (v === "" ? null : v)),
  })
  .strict();
export type FeedbackInput = z.output<typeof feedbackInputSchema>;
export type FeedbackFormInput = z.input<typeof feedbackInputSchema>;

export const feedbackAnswerSchema = z
  .object({ answer: requiredText(MAX_FEEDBACK_ANSWER, "your answer") })
  .strict();
export type FeedbackAnswer = z.output<typeof feedbackAnswerSchema>;

export const feedbackListQuerySchema = z
  .object({
    /** `newest` lists newest first; `kind` groups by form (in the order of the forms), newest first within. */
    order: z.enum(["newest", "kind"], { message: "Order by newest or kind." }).default("newest"),
  })
  .strict();

const personRef = z.object({ id: z.string(), name: z.string() });

export const feedbackItemSchema = z.object({
  id: z.string(),
  kind: feedbackKindSchema,
  body: z.string(),
  /** Null when given anonymously: nobody, not even the presenter, learns who gave it. */
  author: personRef.nullable(),
  anonymous: z.boolean(),
  /** The caller gave it (also when anonymous, so they can withdraw it). */
  mine: z.boolean(),
  rubricCriterion: z.string().nullable(),
  versionNumber: z.number().int(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  can: z.object({ answer: z.boolean(), withdraw: z.boolean() }),
});
export type FeedbackItem = z.infer<typeof feedbackItemSchema>;

/** A card given in a live protocol run whose agenda item presented this artifact (read-only here). */
export const meetingFeedbackItemSchema = z.object({
  id: z.string(),
  kind: z.enum(contributionKinds),
  body: z.string(),
  author: personRef.nullable(),
  anonymous: z.boolean(),
  createdAt: z.string(),
});
export const meetingFeedbackSchema = z.object({
  meetingId: z.string(),
  meetingTitle: z.string(),
  startsAt: z.string(),
  timeZone: z.string(),
  agendaItemTitle: z.string(),
  items: z.array(meetingFeedbackItemSchema),
});
export type MeetingFeedback = z.infer<typeof meetingFeedbackSchema>;

export const feedbackListSchema = z.object({
  artifactId: z.string(),
  currentVersion: z.number().int(),
  items: z.array(feedbackItemSchema),
  /** Feedback given in meetings, newest meeting first. */
  meetings: z.array(meetingFeedbackSchema),
  /** The forms one may give, in the order to offer them. */
  forms: z.array(feedbackKindSchema),
  anonymousAllowed: z.boolean(),
  rubricCriteria: z.array(z.string()),
  can: z.object({
    /** Give feedback (colleagues in the community, never the presenter). */
    give: z.boolean(),
    /** Answer clarifying and probing questions (the presenter). */
    answer: z.boolean(),
  }),
});
export type FeedbackList = z.infer<typeof feedbackListSchema>;

/** Choices for linking an artifact to an agenda item. */
export const artifactChoicesSchema = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type ArtifactChoices = z.infer<typeof artifactChoicesSchema>;
