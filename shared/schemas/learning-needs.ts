import { z } from "zod";
import { idSchema, requiredText, text } from "./common.ts";

/*
 * The educator learning-needs survey (issue 6): a facilitator asks the team which standards and teaching
 * practices they want to learn more about. Everyone sees the counts; an individual answer is seen only by
 * the person who gave it.
 */

const choices = (what: string) =>
  z
    .array(requiredText(120, what))
    .max(40, { message: "Offer at most 40." })
    .default([])
    .transform((list) => [...new Set(list)]);

export const surveyInputSchema = z.object({
  title: requiredText(200, "a title"),
  /** The assessment whose data the survey sits beside; its standards are offered when none are given. */
  assessmentId: idSchema.nullable().default(null),
  standards: choices("a standard"),
  practices: choices("a practice"),
  closesOn: z.iso.date({ message: "Enter the date as YYYY-MM-DD." }).nullable().default(null),
});
export type SurveyInput = z.infer<typeof surveyInputSchema>;

export const responseInputSchema = z.object({
  standards: choices("a standard"),
  practices: choices("a practice"),
  other: text(1000).default(""),
});
export type ResponseInput = z.infer<typeof responseInputSchema>;

const count = z.object({ choice: z.string(), count: z.number() });

export const surveySummarySchema = z.object({
  id: z.string(),
  communityId: z.string(),
  assessmentId: z.string().nullable(),
  title: z.string(),
  standards: z.array(z.string()),
  practices: z.array(z.string()),
  closesOn: z.string().nullable(),
  closed: z.boolean(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  /** How many answered, of how many were asked (the team's active facilitators and members). */
  responded: z.number(),
  asked: z.number(),
});
export type SurveySummary = z.infer<typeof surveySummarySchema>;

export const surveySchema = surveySummarySchema.extend({
  /** Counts per offered choice, in the order offered. */
  standardCounts: z.array(count),
  practiceCounts: z.array(count),
  /** The caller's own answer (null when they have not answered). */
  mine: responseInputSchema.nullable(),
  can: z.object({ respond: z.boolean(), close: z.boolean() }),
});
export type Survey = z.infer<typeof surveySchema>;

export const surveyListSchema = z.object({
  items: z.array(surveySummarySchema),
  can: z.object({ create: z.boolean() }),
});
export type SurveyList = z.infer<typeof surveyListSchema>;
