import { z } from "zod";
import { gradeBandSchema, idSchema, requiredText, tagListSchema, text } from "./common.ts";
import { artifactKinds, filePreviewStatuses, privacyAttestations } from "./work-enums.ts";

/** Work samples: what a teacher brings to the group, its files and links, versions and reflection. */

export const MAX_ARTIFACT_TITLE = 200;
export const MAX_ARTIFACT_TEXT = 5000;
export const MAX_FILES_PER_UPLOAD = 10;
export const MAX_LINKS = 10;
export const MAX_FILE_NAME = 120;

export const artifactKindSchema = z.enum(artifactKinds, { message: "Choose what kind of work this is." });
export const privacyAttestationSchema = z.enum(privacyAttestations, {
  message: "Confirm that names and faces are removed, or that consent is on file.",
});

/** A standard's code, e.g. CCSS.MATH.7.RP.A.2 or NGSS.MS-PS1-2: letters, digits, dots, dashes. */
export const STANDARD_PATTERN = /^[A-Za-z][A-Za-z0-9]*([.\-_][A-Za-z0-9]+){1,9}$/;
export const standardSchema = z
  .string()
  .trim()
  .max(60, { message: "Keep a standard's code under 60 characters." })
  .regex(STANDARD_PATTERN, {
    message: "Write standards as codes such as CCSS.MATH.7.RP.A.2 (letters, digits, dots, dashes).",
  });

/** Links stand in for files (a video, a shared document): https only, never javascript: or http:. */
export const linkSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000, { message: "Keep the link under 2,000 characters." })
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" && url.hostname.includes(".");
      } catch {
        return false;
      }
    }, "Enter a full https:// link, such as https://video.district.org/lesson-3."),
  name: text(MAX_FILE_NAME).default(""),
});
export type LinkInput = z.input<typeof linkSchema>;

const metadataFields = {
  title: requiredText(MAX_ARTIFACT_TITLE, "a title"),
  kind: artifactKindSchema,
  description: text(MAX_ARTIFACT_TEXT).default(""),
  focusingQuestion: text(1000).default(""),
  subjects: tagListSchema,
  gradeBands: z.array(gradeBandSchema).max(6).default([]),
  standards: z.array(standardSchema).max(30, { message: "Choose at most 30 standards." }).default([]),
  topics: tagListSchema,
  rubricCriteria: z
    .array(requiredText(200, "a criterion"))
    .max(20, { message: "Name at most 20 criteria." })
    .default([]),
};

/**
 * Sharing work in a community: the metadata (as the `data` part of the multipart upload, in JSON) plus
 * files (the `files` parts) and links. Student work needs the privacy attestation.
 */
export const artifactInputSchema = z
  .object({
    ...metadataFields,
    containsStudentWork: z.boolean().default(false),
    privacyAttestation: privacyAttestationSchema.nullable().default(null),
    links: z
      .array(linkSchema)
      .max(MAX_LINKS, { message: `Add at most ${MAX_LINKS} links.` })
      .default([]),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.containsStudentWork && !value.privacyAttestation)
      ctx.addIssue({
        code: "custom",
        path: ["privacyAttestation"],
        message:
          "Student work can be shared only once you confirm names and faces are removed or consent is on file.",
      });
  });
export type ArtifactInput = z.output<typeof artifactInputSchema>;
export type ArtifactFormInput = z.input<typeof artifactInputSchema>;

/** Editing the description and tags (the owner); files change through a new version. */
export const artifactUpdateSchema = z.object(metadataFields).partial().strict();
export type ArtifactUpdate = z.output<typeof artifactUpdateSchema>;

/** A new version: what changed, which files of the current version to keep, new links (files as parts). */
export const versionInputSchema = z
  .object({
    note: requiredText(2000, "what changed in this version"),
    keepFileIds: z.array(idSchema).max(50).default([]),
    links: z
      .array(linkSchema)
      .max(MAX_LINKS, { message: `Add at most ${MAX_LINKS} links.` })
      .default([]),
  })
  .strict();
export type VersionInput = z.output<typeof versionInputSchema>;

/** The presenter's reflection; `basedOn` is the reflection's `reflectedAt` the editor started from. */
export const reflectionInputSchema = z
  .object({
    reflection: text(MAX_ARTIFACT_TEXT),
    nextSteps: text(MAX_ARTIFACT_TEXT),
    basedOn: z.string().max(40).nullable(),
  })
  .strict();
export type ReflectionInput = z.output<typeof reflectionInputSchema>;

export const artifactFileSchema = z.object({
  id: z.string(),
  kind: z.enum(["file", "link"]),
  name: z.string(),
  /** For links: the https address. */
  url: z.string().nullable(),
  mediaType: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  downloadUrl: z.string().nullable(),
  previewStatus: z.enum(filePreviewStatuses),
  previewUrl: z.string().nullable(),
});
export type ArtifactFile = z.infer<typeof artifactFileSchema>;

const personRef = z.object({ id: z.string(), name: z.string() });

export const artifactVersionSchema = z.object({
  number: z.number().int(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: personRef,
  files: z.array(artifactFileSchema),
});

export const artifactCanSchema = z.object({
  edit: z.boolean(),
  archive: z.boolean(),
  giveFeedback: z.boolean(),
  nominate: z.boolean(),
  reviewExemplar: z.boolean(),
});

export const artifactSummarySchema = z.object({
  id: z.string(),
  communityId: z.string().nullable(),
  communityName: z.string().nullable(),
  owner: personRef,
  title: z.string(),
  kind: artifactKindSchema,
  focusingQuestion: z.string(),
  containsStudentWork: z.boolean(),
  currentVersion: z.number().int(),
  fileCount: z.number().int(),
  thumbnailUrl: z.string().nullable(),
  archived: z.boolean(),
  attribution: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ArtifactSummary = z.infer<typeof artifactSummarySchema>;

export const artifactSchema = artifactSummarySchema.extend({
  description: z.string(),
  subjects: z.array(z.string()),
  gradeBands: z.array(z.string()),
  standards: z.array(z.string()),
  topics: z.array(z.string()),
  rubricCriteria: z.array(z.string()),
  privacyAttestation: privacyAttestationSchema.nullable(),
  reflection: z.string(),
  nextSteps: z.string(),
  reflectedAt: z.string().nullable(),
  copiedFromId: z.string().nullable(),
  /** The current version's files and links. */
  files: z.array(artifactFileSchema),
  /** Every version, newest first, each with its own files (all stay downloadable). */
  versions: z.array(artifactVersionSchema),
  can: artifactCanSchema,
});
export type Artifact = z.infer<typeof artifactSchema>;

export const artifactListQuerySchema = z
  .object({
    kind: artifactKindSchema.optional(),
    archived: z
      .enum(["1", "true", "0", "false"])
      .transform((v) => v === "1" || v === "true")
      .default(false),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();

export const myArtifactsQuerySchema = z
  .object({
    mine: z.enum(["1", "true"], { message: "Use mine=1 to list your own work." }),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();

export const artifactPageSchema = z.object({
  items: z.array(artifactSummarySchema),
  nextCursor: z.string().nullable(),
});
