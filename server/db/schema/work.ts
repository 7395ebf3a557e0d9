import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  artifactKinds,
  exemplarStatuses,
  feedbackKinds,
  filePreviewStatuses,
  privacyAttestations,
} from "../../../shared/schemas/work-enums.ts";
import { createdAt, orgId, tsvector, updatedAt } from "./columns.ts";
import { communities } from "./communities.ts";
import { people } from "./people.ts";

/**
 * A sample of work brought to a community (a quiz, a lesson, anonymised student work). Without a
 * community it is someone's own copy ("take it back to my classroom"), visible to its owner alone.
 */
export const artifacts = pgTable(
  "artifacts",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => people.id),
    title: text("title").notNull(),
    kind: text("kind", { enum: artifactKinds }).notNull(),
    description: text("description").notNull().default(""),
    focusingQuestion: text("focusing_question").notNull().default(""),
    subjects: text("subjects").array().notNull().default([]),
    gradeBands: text("grade_bands").array().notNull().default([]),
    /** Free standard codes, e.g. CCSS.MATH.7.RP.A.2. */
    standards: text("standards").array().notNull().default([]),
    topics: text("topics").array().notNull().default([]),
    /** The criteria feedback may be given against (a rubric the presenter names). */
    rubricCriteria: text("rubric_criteria").array().notNull().default([]),
    /** Contains student work: never shared beyond the district, never shown to partners. */
    containsStudentWork: boolean("contains_student_work").notNull().default(false),
    privacyAttestation: text("privacy_attestation", { enum: privacyAttestations }),
    attestedBy: uuid("attested_by").references(() => people.id),
    attestedAt: timestamp("attested_at", { withTimezone: true }),
    /** Number of the newest version (versions are rows of artifact_versions). */
    currentVersion: integer("current_version").notNull().default(1),
    /** The presenter's reflection after feedback, and what they will do next. */
    reflection: text("reflection").notNull().default(""),
    nextSteps: text("next_steps").notNull().default(""),
    reflectedAt: timestamp("reflected_at", { withTimezone: true }),
    /** A copy keeps where it came from: the artifact, and who made it (kept if the source goes). */
    copiedFromId: uuid("copied_from_id"),
    attribution: text("attribution").notNull().default(""),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('simple', lamplight_words("standards" || "subjects" || "topics")), 'A') || setweight(to_tsvector('english', "focusing_question"), 'B') || setweight(to_tsvector('english', "description"), 'C')`,
    ),
  },
  (t) => [
    index("artifacts_community_idx").on(t.orgId, t.communityId, t.updatedAt),
    index("artifacts_owner_idx").on(t.orgId, t.ownerId),
    index("artifacts_search_idx").using("gin", t.search),
    index("artifacts_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
    // Standards found by code and by prefix ("7.RP" finds CCSS.MATH.7.RP.A.2): regular expressions on
    // the codes, which a trigram index answers.
    // Title matches are gathered apart from the rest (see search/query.ts), so a word common in
    // descriptions never crowds the titles out of the ranking.
    index("artifacts_title_search_idx").using("gin", sql`to_tsvector('english', ${t.title})`),
    index("artifacts_standards_trgm_idx").using("gin", sql`lamplight_words(${t.standards}) gin_trgm_ops`),
  ],
);

/** One version of an artifact; a new one after feedback keeps the earlier ones as history. */
export const artifactVersions = pgTable(
  "artifact_versions",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    artifactId: uuid("artifact_id")
      .notNull()
      .references(() => artifacts.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    /** What changed in this version (empty for the first). */
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("artifact_versions_number_idx").on(t.artifactId, t.number)],
);

/**
 * A file or link of one version. Files are stored objects (key, detected type, size, checksum); a
 * version that keeps an earlier file points at the same stored object.
 */
export const artifactFiles = pgTable(
  "artifact_files",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    artifactId: uuid("artifact_id")
      .notNull()
      .references(() => artifacts.id, { onDelete: "cascade" }),
    versionId: uuid("version_id")
      .notNull()
      .references(() => artifactVersions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** The name shown and offered on download (cleaned of paths and control characters). */
    name: text("name").notNull(),
    /** A link (video, shared document) instead of a stored file. */
    linkUrl: text("link_url"),
    storageKey: text("storage_key"),
    /** Detected from the content, never taken from the name or the browser. */
    mediaType: text("media_type"),
    sizeBytes: bigint("size_bytes", { mode: "number" }),
    sha256: text("sha256"),
    previewKey: text("preview_key"),
    previewStatus: text("preview_status", { enum: filePreviewStatuses }).notNull().default("none"),
    createdAt: createdAt(),
  },
  (t) => [
    index("artifact_files_version_idx").on(t.orgId, t.versionId, t.position),
    index("artifact_files_storage_idx").on(t.storageKey),
  ],
);

/** Structured feedback on an artifact (given on the page; feedback from a live protocol stays a contribution). */
export const artifactFeedback = pgTable(
  "artifact_feedback",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    artifactId: uuid("artifact_id")
      .notNull()
      .references(() => artifacts.id, { onDelete: "cascade" }),
    /** The version it was given on. */
    versionNumber: integer("version_number").notNull(),
    kind: text("kind", { enum: feedbackKinds }).notNull(),
    body: text("body").notNull(),
    /** Kept for anonymous feedback too (so authors can withdraw it); never shown when anonymous. */
    authorId: uuid("author_id")
      .notNull()
      .references(() => people.id),
    anonymous: boolean("anonymous").notNull().default(false),
    rubricCriterion: text("rubric_criterion"),
    /** The presenter's answer to a clarifying or probing question. */
    answer: text("answer"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("artifact_feedback_artifact_idx").on(t.orgId, t.artifactId, t.createdAt)],
);

/** A nomination of an artifact version as an exemplar, and its review by a facilitator or leader. */
export const exemplars = pgTable(
  "exemplars",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    artifactId: uuid("artifact_id")
      .notNull()
      .references(() => artifacts.id, { onDelete: "cascade" }),
    versionNumber: integer("version_number").notNull(),
    status: text("status", { enum: exemplarStatuses }).notNull().default("nominated"),
    /** Why it is exemplary, in the nominator's words. */
    note: text("note").notNull(),
    nominatedBy: uuid("nominated_by")
      .notNull()
      .references(() => people.id),
    reviewedBy: uuid("reviewed_by").references(() => people.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewNote: text("review_note").notNull().default(""),
    /** May be shared with networks later: only ever for work without student work. */
    shareable: boolean("shareable").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("exemplars_org_idx").on(t.orgId, t.status, t.reviewedAt),
    // At most one open nomination or approval per artifact.
    uniqueIndex("exemplars_active_idx").on(t.artifactId).where(sql`status in ('nominated', 'approved')`),
  ],
);
