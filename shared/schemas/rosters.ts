import { z } from "zod";
import { importStatuses, rosterImportKinds } from "./student-enums.ts";

/** A OneRoster import as the history and the report show it. */
export const rosterProblemSchema = z.object({
  file: z.string(),
  line: z.number(),
  field: z.string(),
  message: z.string(),
});
export type RosterProblem = z.infer<typeof rosterProblemSchema>;

export const rosterImportSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(rosterImportKinds),
  status: z.enum(importStatuses),
  fileName: z.string(),
  /** "students.created", "enrollments.deactivated", "teachers.unmatched", "problems" … */
  counts: z.record(z.string(), z.number()),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const rosterImportSchema = rosterImportSummarySchema.extend({
  /** The first 500 problems, by file and line; `counts.problems` says how many there were. */
  problems: z.array(rosterProblemSchema),
});
export type RosterImport = z.infer<typeof rosterImportSchema>;
export const rosterImportListSchema = z.object({ imports: z.array(rosterImportSummarySchema) });

/** The largest roster zip accepted (a district of 100k enrollments zips to a few MB). */
export const MAX_ROSTER_ZIP_BYTES = 100 * 1024 * 1024;
