import { z } from "zod";
import { idSchema, requiredText, text } from "./common.ts";
import { groupPurposes } from "./student-enums.ts";

/*
 * Flexible groups for re-teaching (intervention) and extension on a focus standard of an assessment
 * (issue 6). A student appears only to those who may read them (features/students); a saved group shows
 * each reader only the members they may read themselves.
 */

export const purposeSchema = z.enum(groupPurposes, { message: "Choose intervention or extension." });

/** One student as groups show them: the name only to those who may read it, the score on the standard. */
export const groupStudentSchema = z.object({
  id: z.string(),
  pseudonym: z.string(),
  name: z.string().nullable(),
  /** The district's student number; only for people who may read who the student is. */
  districtId: z.string().nullable(),
  classes: z.array(z.string()),
  /** Percent of the standard's points, one decimal; null when the student has no results on it. */
  percent: z.number().nullable(),
});
export type GroupStudent = z.infer<typeof groupStudentSchema>;

export const suggestionsQuerySchema = z.object({ standard: text(80).default("") });

export const groupSuggestionsSchema = z.object({
  assessment: z.object({
    id: z.string(),
    title: z.string(),
    communityId: z.string().nullable(),
    masteryPercent: z.number(),
  }),
  /** Every standard of the assessment, in item order (for choosing the focus). */
  standards: z.array(z.string()),
  standard: z.string(),
  /** Below the mastery threshold on the standard, lowest first. */
  intervention: z.array(groupStudentSchema),
  /** At or above the mastery threshold on the standard, highest first. */
  extension: z.array(groupStudentSchema),
});
export type GroupSuggestions = z.infer<typeof groupSuggestionsSchema>;

const studentIds = z
  .array(idSchema)
  .max(500, { message: "Keep a group to 500 students or fewer." })
  .transform((ids) => [...new Set(ids)]);

export const groupInputSchema = z.object({
  assessmentId: idSchema,
  standard: requiredText(80, "the focus standard"),
  purpose: purposeSchema,
  title: requiredText(120, "a name for the group"),
  studentIds: studentIds.refine((ids) => ids.length > 0, { message: "Choose at least one student." }),
});
export type GroupInput = z.infer<typeof groupInputSchema>;

export const groupUpdateSchema = z.object({
  version: z.number({ message: "Send the version you last read." }).int().positive(),
  title: requiredText(120, "a name for the group").optional(),
  add: studentIds.default([]),
  remove: studentIds.default([]),
});
export type GroupUpdate = z.infer<typeof groupUpdateSchema>;

export const studentGroupSchema = z.object({
  id: z.string(),
  title: z.string(),
  purpose: purposeSchema,
  standard: z.string(),
  assessmentId: z.string().nullable(),
  assessmentTitle: z.string().nullable(),
  communityId: z.string().nullable(),
  version: z.number(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Only the members the reader may read. */
  members: z.array(groupStudentSchema),
  can: z.object({ edit: z.boolean() }),
});
export type StudentGroup = z.infer<typeof studentGroupSchema>;

export const studentGroupSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  purpose: purposeSchema,
  standard: z.string(),
  assessmentId: z.string().nullable(),
  assessmentTitle: z.string().nullable(),
  /** Members the reader may read. */
  memberCount: z.number(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  updatedAt: z.string(),
});
export const studentGroupListSchema = z.object({ items: z.array(studentGroupSummarySchema) });
export type StudentGroupSummary = z.infer<typeof studentGroupSummarySchema>;
