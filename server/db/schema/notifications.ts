import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { type NotificationKind, notificationKinds } from "../../../shared/schemas/work-enums.ts";
import { communities } from "./communities.ts";
import { organizations } from "./organizations.ts";
import { people } from "./people.ts";

/**
 * Something that happened for a person (feedback on their work, a reply, a mention, an invitation).
 * Words are not stored: `data` holds the names and titles the web app puts into its own sentences.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    kind: text("kind", { enum: notificationKinds }).notNull(),
    /** Who caused it; null when they gave it anonymously. */
    actorId: uuid("actor_id").references(() => people.id),
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    /** The app path it opens, e.g. /artifacts/<id>#feedback-<id>. */
    path: text("path").notNull(),
    data: jsonb("data").$type<Record<string, string>>().notNull().default({}),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_person_idx").on(t.orgId, t.personId, t.id),
    // The bell polls the unread count: a small partial index answers it without touching read rows.
    index("notifications_unread_idx").on(t.personId).where(sql`read_at is null`),
  ],
);

/** Kinds of notification a person turned off. */
export const notificationMutes = pgTable(
  "notification_mutes",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    kind: text("kind").$type<NotificationKind>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind] })],
);
