import { z } from "zod";
import { idSchema, text } from "./common.ts";

/*
 * Growth: the same students on two assessments of the same standards, before and after a strategy
 * (issue 6). Aggregates only — never a student; groups smaller than the district's minimum are suppressed
 * for readers without a roster relationship to them.
 */

export const growthQuerySchema = z.object({
  before: idSchema,
  after: idSchema,
  /** '' (or left out): every standard both assessments measure. */
  standard: text(80).default(""),
});
export type GrowthQuery = z.infer<typeof growthQuerySchema>;

const side = z.object({
  /** Percent of the students at or above that assessment's mastery threshold (one decimal). */
  percentMastered: z.number().nullable(),
  /** The students' average percent of the points (one decimal). */
  averagePercent: z.number().nullable(),
});

export const growthRowSchema = z.object({
  /** A class id, or "all". */
  key: z.string(),
  label: z.string(),
  /** Students in both; null when suppressed. */
  students: z.number().nullable(),
  suppressed: z.boolean(),
  before: side,
  after: side,
  /** After minus before, in percentage points. */
  change: side,
});
export type GrowthRow = z.infer<typeof growthRowSchema>;

const assessmentRef = z.object({
  id: z.string(),
  title: z.string(),
  givenOn: z.string().nullable(),
  masteryPercent: z.number(),
});

export const growthSchema = z.object({
  before: assessmentRef,
  after: assessmentRef,
  standard: z.string(),
  /** The standards both measure (for choosing one). */
  sharedStandards: z.array(z.string()),
  overall: growthRowSchema,
  classes: z.array(growthRowSchema),
  /** The district's smallest group shown to readers without a roster relationship. */
  minimum: z.number(),
});
export type Growth = z.infer<typeof growthSchema>;

export const growthMeasureInputSchema = z.object({
  beforeAssessmentId: idSchema,
  afterAssessmentId: idSchema,
  standard: text(80).default(""),
});
export type GrowthMeasureInput = z.infer<typeof growthMeasureInputSchema>;

export const growthMeasureSchema = z.object({
  measure: z
    .object({
      beforeAssessmentId: z.string(),
      afterAssessmentId: z.string(),
      standard: z.string(),
      updatedAt: z.string(),
      /** The growth as the caller may see it; null when they may no longer read the assessments. */
      growth: growthSchema.nullable(),
    })
    .nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type GrowthMeasure = z.infer<typeof growthMeasureSchema>;
