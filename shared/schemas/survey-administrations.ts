import { z } from "zod";
import { audienceKinds, surveyAnswersSchema, surveyDefinitionSchema } from "../surveys/definition.ts";
import { idSchema, text } from "./common.ts";

/*
 * Sending a survey (an administration) and answering it (capability 7). Who answered what never appears
 * in an anonymous administration's API: counts only, and each respondent's own answers to that person.
 */

const instant = (what: string) =>
  z.iso.datetime({ offset: true, message: `Enter ${what} as a date and time.` });

export const MINIMUM_RESPONSES_FLOOR = 3;

export const administrationInputSchema = z.object({
  surveyId: idSchema,
  /** Defaults to the survey's title. */
  title: text(200).optional(),
  audience: z.enum(audienceKinds, { message: "Choose who the survey goes to." }),
  communityId: idSchema.nullable().default(null),
  schoolId: idSchema.nullable().default(null),
  anonymous: z.boolean().default(true),
  minimumResponses: z
    .number({ message: "Enter a number." })
    .int({ message: "Enter a whole number." })
    .min(MINIMUM_RESPONSES_FLOOR, { message: `Ask for at least ${MINIMUM_RESPONSES_FLOOR} responses.` })
    .max(1000, { message: "Keep the minimum to 1000 responses." })
    .default(5),
  /** Defaults to now. */
  opensAt: instant("the opening").optional(),
  closesAt: instant("the closing"),
});
export type AdministrationInput = z.input<typeof administrationInputSchema>;

export const closingInputSchema = z.object({ closesAt: instant("the closing"), version: z.number().int() });
export type ClosingInput = z.infer<typeof closingInputSchema>;
export const versionInputSchema = z.object({ version: z.number().int() });

export const administrationStatuses = ["upcoming", "open", "closed"] as const;
export type AdministrationStatus = (typeof administrationStatuses)[number];
/** "unlinked": an anonymous survey that has closed no longer knows which response was whose. */
export const responseStatuses = ["not_started", "draft", "submitted", "unlinked"] as const;
export type ResponseStatus = (typeof responseStatuses)[number];

const named = z.object({ id: z.string(), name: z.string() });

export const administrationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  survey: z.object({ id: z.string(), title: z.string(), builtinKey: z.string().nullable() }),
  audience: z.enum(audienceKinds),
  /** The community or school it went to; null for the district. */
  community: named.nullable(),
  school: named.nullable(),
  anonymous: z.boolean(),
  minimumResponses: z.number(),
  opensAt: z.string(),
  closesAt: z.string(),
  closedEarly: z.boolean(),
  status: z.enum(administrationStatuses),
  sentBy: named,
  recipients: z.number(),
  submitted: z.number(),
});
export type AdministrationSummary = z.infer<typeof administrationSummarySchema>;

export const administrationSchema = administrationSummarySchema.extend({
  surveyVersion: z.object({ id: z.string(), number: z.number() }),
  remindedAt: z.string().nullable(),
  /**
   * Named administrations only, and only for their sender and administrators: each recipient and whether
   * they have answered. Always null for anonymous ones.
   */
  respondents: z.array(named.extend({ answered: z.boolean() })).nullable(),
  version: z.number(),
  can: z.object({
    remind: z.boolean(),
    close: z.boolean(),
    changeClosing: z.boolean(),
    results: z.boolean(),
    answer: z.boolean(),
  }),
});
export type Administration = z.infer<typeof administrationSchema>;

export const administrationListSchema = z.object({
  items: z.array(administrationSummarySchema),
  can: z.object({ send: z.boolean() }),
});
export type AdministrationList = z.infer<typeof administrationListSchema>;

export const mySurveySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(administrationStatuses),
  anonymous: z.boolean(),
  opensAt: z.string(),
  closesAt: z.string(),
  sentBy: named,
  community: named.nullable(),
  mine: z.enum(responseStatuses),
});
export type MySurvey = z.infer<typeof mySurveySchema>;
export const mySurveysSchema = z.object({ items: z.array(mySurveySchema) });
export type MySurveys = z.infer<typeof mySurveysSchema>;

export const remindResultSchema = z.object({ reminded: z.number(), remindedAt: z.string() });

// ── Answering ─────────────────────────────────────────────────────────────────────────────────────────

export const draftInputSchema = z.object({ answers: surveyAnswersSchema, version: z.number().int() });
export type DraftInput = z.infer<typeof draftInputSchema>;
export const submitInputSchema = z.object({
  answers: surveyAnswersSchema,
  version: z.number().int().optional(),
});
export type SubmitInput = z.infer<typeof submitInputSchema>;

export const myResponseSchema = z.object({
  administration: z.object({
    id: z.string(),
    title: z.string(),
    status: z.enum(administrationStatuses),
    opensAt: z.string(),
    closesAt: z.string(),
    anonymous: z.boolean(),
    /** Who sent it: in a named survey this person sees the respondent's name with the answers. */
    sentBy: named,
    community: named.nullable(),
  }),
  /** The version this person answers (their submitted one, or the administration's current one). */
  surveyVersion: z.object({ id: z.string(), number: z.number() }),
  definition: surveyDefinitionSchema,
  status: z.enum(responseStatuses),
  draft: surveyAnswersSchema.nullable(),
  draftSavedAt: z.string().nullable(),
  submitted: surveyAnswersSchema.nullable(),
  submittedAt: z.string().nullable(),
  /** The response's version for optimistic saves (0 before anything was saved). */
  version: z.number(),
  can: z.object({ answer: z.boolean() }),
});
export type MyResponse = z.infer<typeof myResponseSchema>;
