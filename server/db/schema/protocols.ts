import {
  type AnyPgColumn,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ProtocolDefinition } from "../../../shared/protocols/definition.ts";
import { protocolPurposes } from "../../../shared/protocols/definition.ts";
import { organizations } from "./organizations.ts";
import { people } from "./people.ts";

/**
 * A discussion protocol in the library. Built-in protocols (shipped with Lamplight, shared by every
 * district, read-only) have no org_id and a slug; a district's own protocols and adapted copies belong
 * to its organization. The content lives in versions: editing adds a version, and an agenda item points
 * at the version it used, so a past meeting keeps the protocol as it was.
 */
export const protocols = pgTable(
  "protocols",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id").references(() => organizations.id),
    /** Built-ins only: the stable key of the definition in shared/protocols/builtin. */
    slug: text("slug"),
    /** Denormalised from the current version, for searching and filtering the library. */
    name: text("name").notNull(),
    purpose: text("purpose", { enum: protocolPurposes }).notNull(),
    summary: text("summary").notNull().default(""),
    totalMinutes: integer("total_minutes").notNull(),
    groupMin: integer("group_min").notNull(),
    groupMax: integer("group_max").notNull(),
    currentVersionId: uuid("current_version_id").references((): AnyPgColumn => protocolVersions.id),
    /** The version this one was copied from, when it is an adaptation. */
    copiedFromVersionId: uuid("copied_from_version_id").references((): AnyPgColumn => protocolVersions.id),
    createdBy: uuid("created_by").references(() => people.id),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("protocols_org_idx").on(t.orgId, t.purpose, t.name),
    uniqueIndex("protocols_slug_idx").on(t.slug),
  ],
);

/** One immutable version of a protocol's content. */
export const protocolVersions = pgTable(
  "protocol_versions",
  {
    id: uuid("id").primaryKey(),
    protocolId: uuid("protocol_id")
      .notNull()
      .references((): AnyPgColumn => protocols.id),
    orgId: uuid("org_id").references(() => organizations.id),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<ProtocolDefinition>().notNull(),
    createdBy: uuid("created_by").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("protocol_versions_protocol_idx").on(t.protocolId, t.version)],
);
