import { z } from "zod";
import { idSchema } from "./common.ts";
import { itemKinds } from "./student-enums.ts";

/*
 * Assessment analysis as the API answers it: item analysis, mastery by standard overall and by class,
 * teacher (where the team's norms share it) and school, and the heat map of standards × classes. A group
 * smaller than the district's minimum is `suppressed` (no numbers) for a reader without a roster
 * relationship to its students. No student is named here; the student-level list is its own route.
 */

/** More classes than this in scope and the heat map shows schools instead (a district has thousands). */
export const MAX_HEAT_CLASSES = 120;

export const analysisQuerySchema = z.object({
  schoolId: idSchema.optional(),
  classId: idSchema.optional(),
});
export type AnalysisQuery = z.infer<typeof analysisQuerySchema>;

/** A number for a group, or nothing when the group is too small for this reader to see. */
const share = z.number().nullable();

export const standardMasterySchema = z.object({
  standard: z.string(),
  students: z.number(),
  suppressed: z.boolean(),
  /** Percent of the students at or above the mastery threshold on this standard. */
  percentMastered: share,
  /** The students' mean percent of this standard's points. */
  meanPercent: share,
});

export const groupMasterySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The school of a class, when it is one. */
  schoolId: z.string().nullable(),
  students: z.number(),
  suppressed: z.boolean(),
  /** Percent of the group at or above the threshold on the whole assessment. */
  percentMastered: share,
  standards: z.array(standardMasterySchema),
});
export type GroupMastery = z.infer<typeof groupMasterySchema>;

export const answerCountSchema = z.object({
  /** A choice letter, or a score band of a points item ("2 of 2", "50–74%"). */
  answer: z.string(),
  count: z.number(),
  correct: z.boolean(),
});

export const itemAnalysisSchema = z.object({
  id: z.string(),
  label: z.string(),
  position: z.number(),
  kind: z.enum(itemKinds),
  standard: z.string(),
  maxPoints: z.number(),
  answerKey: z.string(),
  responses: z.number(),
  percentCorrect: share,
  distribution: z.array(answerCountSchema),
  mostCommonWrong: z.string().nullable(),
});
export type ItemAnalysis = z.infer<typeof itemAnalysisSchema>;

export const heatCellSchema = z.object({
  /** A class, or a school when the heat map is by school (`heatmapBy`). */
  groupId: z.string(),
  standard: z.string(),
  students: z.number(),
  suppressed: z.boolean(),
  percentMastered: share,
});

export const analysisSchema = z.object({
  assessment: z.object({
    id: z.string(),
    title: z.string(),
    communityId: z.string().nullable(),
    communityName: z.string().nullable(),
    masteryPercent: z.number(),
    standards: z.array(z.string()),
  }),
  scope: z.object({ schoolId: z.string().nullable(), classId: z.string().nullable() }),
  /** Groups smaller than this are suppressed for readers without a roster relationship. */
  minimum: z.number(),
  students: z.number(),
  suppressed: z.boolean(),
  items: z.array(itemAnalysisSchema),
  standards: z.array(standardMasterySchema),
  /** The standard with the lowest percent mastered that the reader may see. */
  weakestStandard: z.string().nullable(),
  byClass: z.array(groupMasterySchema),
  /** null when the team's norms do not share results by teacher. */
  byTeacher: z.array(groupMasterySchema).nullable(),
  bySchool: z.array(groupMasterySchema),
  /**
   * Standards × classes; standards × schools instead when more classes than MAX_HEAT_CLASSES are in scope
   * (a whole district): then `byClass` is empty and choosing a school shows its classes.
   */
  heatmapBy: z.enum(["class", "school"]),
  heatmap: z.array(heatCellSchema),
  /** What the filters offer this reader. */
  filters: z.object({
    schools: z.array(z.object({ id: z.string(), name: z.string() })),
    classes: z.array(z.object({ id: z.string(), name: z.string(), schoolId: z.string() })),
  }),
});
export type Analysis = z.infer<typeof analysisSchema>;

export const studentScoresQuerySchema = z.object({
  /** A standard of the assessment; left out (or empty), the whole assessment. */
  standard: z.string().max(80, { message: "Keep the standard under 80 characters." }).optional(),
});

export const studentScoreSchema = z.object({
  studentId: z.string(),
  pseudonym: z.string(),
  /** The student's name, for readers allowed to see it (always, on this route). */
  name: z.string(),
  points: z.number(),
  maxPoints: z.number(),
  percent: z.number(),
  mastered: z.boolean(),
});
export type StudentScore = z.infer<typeof studentScoreSchema>;

export const studentScoresSchema = z.object({
  assessmentId: z.string(),
  standard: z.string(),
  masteryPercent: z.number(),
  students: z.array(studentScoreSchema),
});
export type StudentScores = z.infer<typeof studentScoresSchema>;

export const studentDataSettingsSchema = z.object({
  studentGroupMinimum: z
    .number({ message: "Enter the minimum group size as a whole number." })
    .int({ message: "Enter the minimum group size as a whole number." })
    .min(1, { message: "The minimum group size is at least 1." })
    .max(100, { message: "Keep the minimum group size at 100 or less." }),
});
export type StudentDataSettings = z.infer<typeof studentDataSettingsSchema>;
