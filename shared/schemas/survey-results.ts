import { z } from "zod";
import { idSchema } from "./common.ts";

/*
 * The results of a survey administration (server/features/survey-results): aggregates only. Free-text
 * answers come without any response id, sorted alphabetically, so they cannot be lined up across
 * questions into one person's answers.
 */

export const resultsQuerySchema = z
  .object({
    school: idSchema.optional(),
    role: z.string().max(40, { message: "Choose a role from the list." }).optional(),
  })
  .strict();
export type ResultsQuery = z.infer<typeof resultsQuerySchema>;

const distributionSchema = z.object({
  /** The scale point (likert) or the option key (choices). */
  value: z.union([z.number(), z.string()]),
  label: z.string(),
  count: z.number().int(),
  percent: z.number(),
});

export const questionResultSchema = z.object({
  key: z.string(),
  kind: z.enum(["likert", "single_choice", "multiple_choice", "short_text", "long_text"]),
  text: z.string(),
  count: z.number().int(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  distribution: z.array(distributionSchema),
  /** Text answers, alphabetically, no ids. */
  answers: z.array(z.string()),
});
export type QuestionResult = z.infer<typeof questionResultSchema>;

export const sectionResultSchema = z.object({
  /** The section's key; "earlier" holds answers to questions the current version no longer asks. */
  key: z.string(),
  title: z.string(),
  /** Over all the section's Likert answers (null mean: none). */
  count: z.number().int(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  questions: z.array(questionResultSchema),
});
export type SectionResult = z.infer<typeof sectionResultSchema>;

export const ratedItemSchema = z.object({
  kind: z.enum(["section", "statement"]),
  sectionKey: z.string(),
  questionKey: z.string().nullable(),
  title: z.string(),
  mean: z.number(),
  sd: z.number().nullable(),
});
export type RatedItem = z.infer<typeof ratedItemSchema>;

export const followUpKinds = ["goal", "cycle"] as const;
export const followUpInputSchema = z
  .object({
    sectionKey: z.string({ message: "Choose a section of the results." }).min(1).max(40),
    kind: z.enum(followUpKinds, { message: "Choose a goal or a cycle." }),
  })
  .strict();
export type FollowUpInput = z.infer<typeof followUpInputSchema>;

export const followUpSchema = z.object({
  id: idSchema,
  sectionKey: z.string(),
  kind: z.enum(followUpKinds),
  goalId: idSchema.nullable(),
  cycleId: idSchema.nullable(),
  title: z.string(),
  /** Where the created goal or cycle lives in the app. */
  path: z.string(),
  createdAt: z.string(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

const filterOptionSchema = z.object({
  value: z.string(),
  label: z.string(),
  allowed: z.boolean(),
  /** Why it cannot be chosen, in a sentence (null when allowed). */
  reason: z.string().nullable(),
});
export type FilterOption = z.infer<typeof filterOptionSchema>;

export const surveyResultsSchema = z.object({
  administration: z.object({
    id: idSchema,
    surveyId: idSchema,
    title: z.string(),
    audience: z.enum(["community", "school", "district"]),
    communityId: idSchema.nullable(),
    schoolId: idSchema.nullable(),
    anonymous: z.boolean(),
    minimumResponses: z.number().int(),
    opensAt: z.string(),
    closesAt: z.string(),
  }),
  /** Submitted responses in this view (the filtered slice when filtered). */
  responses: z.number().int(),
  /** Everyone it was sent to, and the share of them who answered (unfiltered). */
  recipients: z.number().int(),
  rate: z.number().nullable(),
  /** The agreement line (3.0) and the scale's top point, for the chart. */
  threshold: z.number(),
  points: z.number().int(),
  filter: z.object({ school: idSchema.nullable(), role: z.string().nullable() }),
  filters: z.object({ schools: z.array(filterOptionSchema), roles: z.array(filterOptionSchema) }),
  sections: z.array(sectionResultSchema),
  strengths: z.array(ratedItemSchema),
  growthAreas: z.array(ratedItemSchema),
  followUps: z.array(followUpSchema),
  can: z.object({ followUp: z.boolean() }),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

export const trendQuerySchema = z
  .object({
    community: idSchema.optional(),
    school: idSchema.optional(),
    district: z.enum(["true"]).optional(),
  })
  .strict();
export type TrendQuery = z.infer<typeof trendQuerySchema>;

export const trendSchema = z.object({
  surveyId: idSchema,
  sections: z.array(z.object({ key: z.string(), title: z.string() })),
  administrations: z.array(
    z.object({
      id: idSchema,
      title: z.string(),
      closesAt: z.string(),
      responses: z.number().int(),
      /** Hidden: an anonymous administration below its minimum shows no figures. */
      hidden: z.boolean(),
      sections: z.array(
        z.object({
          key: z.string(),
          count: z.number().int(),
          mean: z.number().nullable(),
          sd: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export type Trend = z.infer<typeof trendSchema>;
