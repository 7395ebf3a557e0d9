import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { communityRoles, membershipStatuses, visibilities } from "../../../shared/schemas/communities.ts";
import { orgRoles } from "../../../shared/schemas/people.ts";
import { tsvector } from "./columns.ts";
import { organizations, schools } from "./organizations.ts";
import { people } from "./people.ts";

export const communities = pgTable(
  "communities",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    purpose: text("purpose").notNull().default(""),
    vision: text("vision").notNull().default(""),
    values: text("values").notNull().default(""),
    /** The norms the group agreed on, in their agreed order. */
    norms: jsonb("norms").$type<string[]>().notNull().default([]),
    subjects: text("subjects").array().notNull().default([]),
    gradeBands: text("grade_bands").array().notNull().default([]),
    topics: text("topics").array().notNull().default([]),
    visibility: text("visibility", { enum: visibilities }).notNull().default("private"),
    /** Members may give feedback on artifacts without their name. */
    anonymousFeedback: boolean("anonymous_feedback").notNull().default(false),
    /** The team's norms share student results by teacher (analysis then shows a by-teacher view). */
    shareResultsByTeacher: boolean("share_results_by_teacher").notNull().default(false),
    createdBy: uuid("created_by").references(() => people.id),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', "name"), 'A') || setweight(to_tsvector('simple', lamplight_words("subjects" || "topics")), 'B') || setweight(to_tsvector('english', "purpose"), 'C')`,
    ),
  },
  (t) => [
    index("communities_org_idx").on(t.orgId, t.visibility, t.name),
    index("communities_search_idx").using("gin", t.search),
    index("communities_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
  ],
);

export const communitySchools = pgTable(
  "community_schools",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.schoolId] }),
    index("community_schools_school_idx").on(t.orgId, t.schoolId),
  ],
);

/** A person's place in a community: role and status (invited people get a row on acceptance). */
export const memberships = pgTable(
  "memberships",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    role: text("role", { enum: communityRoles }).notNull(),
    status: text("status", { enum: membershipStatuses }).notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.personId] }),
    index("memberships_person_idx").on(t.orgId, t.personId, t.status),
  ],
);

/** An emailed invitation into the district (org role) or into a community (community role). */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    communityRole: text("community_role", { enum: communityRoles }),
    orgRole: text("org_role", { enum: orgRoles }).notNull(),
    schoolIds: uuid("school_ids").array().notNull().default([]),
    message: text("message").notNull().default(""),
    /** SHA-256 of the emailed token; the token itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by")
      .notNull()
      .references(() => people.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => people.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("invitations_token_idx").on(t.tokenHash),
    index("invitations_org_email_idx").on(t.orgId, t.email),
    index("invitations_community_idx").on(t.orgId, t.communityId),
  ],
);
