import { z } from "zod";
import { idSchema, requiredText, text } from "./common.ts";
import { itemKinds, resultShapes } from "./student-enums.ts";

/*
 * Assessments, their items, and the options of a results import (capability 5). A choice item's answer
 * key is one letter; a points item has none. Labels are how results files name items, so they are unique.
 */

export const MAX_ITEMS = 200;

const itemFields = z.object({
  label: requiredText(40, "the item’s label as results files name it (Q1, 3…)"),
  kind: z.enum(itemKinds, { message: "Choose points or choice." }).default("points"),
  standard: text(80).default(""),
  maxPoints: z
    .number({ message: "Enter the item’s maximum points as a number." })
    .positive({ message: "The maximum points must be more than 0." })
    .max(1000, { message: "Keep the maximum points at 1000 or less." }),
  answerKey: text(1).default(""),
});

function itemRules(item: { kind: string; answerKey: string }, ctx: z.RefinementCtx) {
  if (item.kind === "choice" && !/^[A-Za-z]$/.test(item.answerKey))
    ctx.addIssue({
      code: "custom",
      path: ["answerKey"],
      message: "Give the letter of the right answer (A, B, C…).",
    });
  if (item.kind === "points" && item.answerKey !== "")
    ctx.addIssue({
      code: "custom",
      path: ["answerKey"],
      message: "Only choice items have an answer key: leave it empty.",
    });
}

export const itemInputSchema = itemFields
  .superRefine(itemRules)
  .transform((item) => ({ ...item, answerKey: item.answerKey.toUpperCase() }));
/** An item in a PATCH: with the id of an item kept, without for a new one. */
export const itemPatchSchema = itemFields
  .extend({ id: idSchema.optional() })
  .superRefine(itemRules)
  .transform((item) => ({ ...item, answerKey: item.answerKey.toUpperCase() }));

export const assessmentInputSchema = z
  .object({
    title: requiredText(200, "a title"),
    communityId: idSchema.nullable().default(null),
    givenOn: z.iso.date({ message: "Enter the date as YYYY-MM-DD." }).nullable().default(null),
    masteryPercent: z
      .number({ message: "Enter the mastery threshold as a percent." })
      .gt(0, { message: "The mastery threshold must be more than 0%." })
      .max(100, { message: "The mastery threshold is at most 100%." })
      .default(80),
    items: z
      .array(itemInputSchema)
      .min(1, { message: "Add at least one item." })
      .max(MAX_ITEMS, { message: `Keep it to ${MAX_ITEMS} items or fewer.` }),
  })
  .superRefine((a, ctx) => {
    const seen = new Set<string>();
    for (const [n, item] of a.items.entries()) {
      const key = item.label.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({
          code: "custom",
          path: ["items", n, "label"],
          message: `Another item is labelled “${item.label}”: give each item its own label.`,
        });
      seen.add(key);
    }
  });
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

const column = requiredText(200, "the column");
export const resultMappingSchema = z.discriminatedUnion("shape", [
  z.object({
    shape: z.literal("long"),
    student: column,
    item: column,
    score: column.optional(),
    response: column.optional(),
  }),
  z.object({
    shape: z.literal("wide"),
    student: column,
    items: z.record(z.string(), requiredText(40, "an item")),
  }),
]);

export const importModes = ["all_or_nothing", "good_rows_only"] as const;
export const importOptionsSchema = z.object({
  shape: z.enum(resultShapes, { message: "Choose long or wide." }),
  mapping: resultMappingSchema,
  mode: z
    .enum(importModes, { message: "Choose all or nothing, or the good rows only." })
    .default("all_or_nothing"),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const assessmentItemSchema = z.object({
  id: idSchema,
  label: z.string(),
  kind: z.enum(itemKinds),
  standard: z.string(),
  maxPoints: z.number(),
  answerKey: z.string(),
});
export const assessmentSchema = z.object({
  id: idSchema,
  title: z.string(),
  communityId: idSchema.nullable(),
  communityName: z.string().nullable(),
  givenOn: z.string().nullable(),
  masteryPercent: z.number(),
  items: z.array(assessmentItemSchema),
  /** How many students have results: once any do, items may change only in their label and standard. */
  studentsWithResults: z.number(),
  /** The version for PATCH: send it back as `updatedAt`; a later change answers 409. */
  updatedAt: z.string(),
  can: z.object({ edit: z.boolean(), import: z.boolean() }),
});
export type Assessment = z.infer<typeof assessmentSchema>;

/**
 * A change to an assessment. `items`, when sent, is the whole list in order: an item with an `id` is kept
 * (and changed), one without is new, one left out is removed. Once results exist only labels and
 * standards may change (the scores were checked against the rest).
 */
export const assessmentPatchSchema = z
  .object({
    title: requiredText(200, "a title").optional(),
    givenOn: z.iso.date({ message: "Enter the date as YYYY-MM-DD." }).nullable().optional(),
    masteryPercent: z
      .number({ message: "Enter the mastery threshold as a percent." })
      .gt(0, { message: "The mastery threshold must be more than 0%." })
      .max(100, { message: "The mastery threshold is at most 100%." })
      .optional(),
    items: z
      .array(itemPatchSchema)
      .min(1, { message: "Keep at least one item." })
      .max(MAX_ITEMS, { message: `Keep it to ${MAX_ITEMS} items or fewer.` })
      .optional(),
    updatedAt: z.string().max(40).optional(),
  })
  .superRefine((a, ctx) => {
    const seen = new Set<string>();
    for (const [n, item] of (a.items ?? []).entries()) {
      const key = item.label.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({
          code: "custom",
          path: ["items", n, "label"],
          message: `Another item is labelled “${item.label}”: give each item its own label.`,
        });
      seen.add(key);
    }
  });
export type AssessmentPatch = z.infer<typeof assessmentPatchSchema>;

export const assessmentSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  communityId: idSchema.nullable(),
  givenOn: z.string().nullable(),
  masteryPercent: z.number(),
  itemCount: z.number(),
  standards: z.array(z.string()),
  studentsWithResults: z.number(),
  /** When results were last imported (a completed import), ISO. */
  lastImportAt: z.string().nullable(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;
export const assessmentListSchema = z.object({
  items: z.array(assessmentSummarySchema),
  can: z.object({ create: z.boolean() }),
});
export type AssessmentList = z.infer<typeof assessmentListSchema>;
export const assessmentListQuerySchema = z.object({
  scope: z.literal("district", { message: "Use scope=district." }),
});

/** The largest results file accepted (a district's 1,000,000-row long file is ~30 MB). */
export const MAX_RESULTS_FILE_BYTES = 512 * 1024 * 1024;

const problemSchema = z.object({ line: z.number(), field: z.string(), message: z.string() });
export const importReportSchema = z.object({
  id: idSchema,
  status: z.enum(["completed", "failed"]),
  rowsRead: z.number(),
  rowsImported: z.number(),
  /** The first 200 problems by line; `moreProblems` counts the rest. */
  problems: z.array(problemSchema),
  moreProblems: z.number(),
  fileSha256: z.string(),
  fileBytes: z.number(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const resultImportSchema = z.object({
  id: idSchema,
  shape: z.enum(resultShapes),
  status: z.string(),
  fileName: z.string(),
  fileSha256: z.string(),
  fileBytes: z.number(),
  rowsRead: z.number(),
  rowsImported: z.number(),
  problems: z.array(problemSchema),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export const resultImportListSchema = z.object({ items: z.array(resultImportSchema) });

export const importPreviewSchema = z.object({
  delimiter: z.enum([",", ";", "\t"]),
  header: z.array(z.string()),
  /** The first 20 data rows as parsed. */
  rows: z.array(z.array(z.string())),
  headerSignature: z.string(),
  /** The mapping this person used last for this header, or a suggestion from the items. */
  mapping: resultMappingSchema,
  remembered: z.boolean(),
});
