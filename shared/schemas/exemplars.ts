import { z } from "zod";
import { gradeBandSchema, text } from "./common.ts";
import { artifactKinds, exemplarStatuses } from "./work-enums.ts";

/** The exemplar library: nominations, their review, the approved exemplars and copies of them. */

export const MAX_EXEMPLAR_NOTE = 2000;

export const nominationInputSchema = z
  .object({
    note: z
      .string({ message: "Say why this work is exemplary." })
      .trim()
      .min(1, { message: "Say why this work is exemplary." })
      .max(MAX_EXEMPLAR_NOTE, { message: `Keep this under ${MAX_EXEMPLAR_NOTE} characters.` }),
  })
  .strict();
export type NominationInput = z.output<typeof nominationInputSchema>;

export const reviewInputSchema = z.object({ note: text(MAX_EXEMPLAR_NOTE).default("") }).strict();
export type ReviewInput = z.output<typeof reviewInputSchema>;

const personRef = z.object({ id: z.string(), name: z.string() });

export const exemplarSchema = z.object({
  id: z.string(),
  artifactId: z.string(),
  status: z.enum(exemplarStatuses),
  /** The version that was nominated (and is copied). */
  versionNumber: z.number().int(),
  /** Why it is exemplary, in the nominator's words. */
  note: z.string(),
  nominatedBy: personRef,
  nominatedAt: z.string(),
  /** The curator who approved or declined it. */
  reviewedBy: personRef.nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string(),
  /** May be shared with networks later; never for work with student work. */
  shareable: z.boolean(),
  title: z.string(),
  kind: z.enum(artifactKinds),
  focusingQuestion: z.string(),
  subjects: z.array(z.string()),
  gradeBands: z.array(z.string()),
  standards: z.array(z.string()),
  topics: z.array(z.string()),
  containsStudentWork: z.boolean(),
  communityName: z.string().nullable(),
  ownerName: z.string(),
  /** A thumbnail of the version's first file, when it has one. */
  previewPath: z.string().nullable(),
});
export type Exemplar = z.infer<typeof exemplarSchema>;

export const exemplarCanSchema = z.object({
  nominate: z.boolean(),
  review: z.boolean(),
  withdraw: z.boolean(),
  copy: z.boolean(),
});

/** An artifact's exemplar state: its open nomination or approval (null when none) and what I may do. */
export const artifactExemplarSchema = z.object({
  artifactId: z.string(),
  artifactTitle: z.string(),
  exemplar: exemplarSchema.nullable(),
  /** The latest declined nomination with its note, when none is open: for its nominator, owner, reviewers. */
  lastDeclined: exemplarSchema.nullable(),
  can: exemplarCanSchema,
});
export type ArtifactExemplar = z.infer<typeof artifactExemplarSchema>;

export const exemplarQuerySchema = z
  .object({
    /** approved: the library; nominated: the nominations I can review. */
    status: z
      .enum(["approved", "nominated"], { message: "Choose approved or nominated." })
      .default("approved"),
    subject: text(60).optional(),
    gradeBand: gradeBandSchema.optional(),
    standard: text(60).optional(),
    topic: text(60).optional(),
    kind: z.enum(artifactKinds, { message: "Choose a kind of work from the list." }).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(24),
  })
  .strict();
export type ExemplarQuery = z.output<typeof exemplarQuerySchema>;

export const exemplarListSchema = z.object({
  items: z.array(exemplarSchema),
  nextCursor: z.string().nullable(),
});

/** The copy made in my own work ("take it back to my classroom"). */
export const exemplarCopySchema = z.object({
  artifactId: z.string(),
  title: z.string(),
  attribution: z.string(),
  copiedFromId: z.string(),
});
export type ExemplarCopy = z.infer<typeof exemplarCopySchema>;
