import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** The tenant: a district, a charter network or a state network. */
export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey(),
    name: text("name").notNull(),
    slug: text("slug").notNull().unique(),
    /** Aggregates of student data shown to people without a roster relationship hide smaller groups. */
    studentGroupMinimum: integer("student_group_minimum").notNull().default(10),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("organizations_group_minimum", sql`${t.studentGroupMinimum} between 1 and 100`)],
);

export const schools = pgTable(
  "schools",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    /** The school's OneRoster org sourcedId, remembered when a roster import first matches it. */
    rosterSourcedId: text("roster_sourced_id"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("schools_org_idx").on(t.orgId, t.name),
    // One name per district, whatever the capitals; the service's friendly check alone loses races.
    uniqueIndex("schools_org_name_unique").on(t.orgId, sql`lower(${t.name})`),
    uniqueIndex("schools_roster_sourced_idx").on(t.orgId, t.rosterSourcedId),
  ],
);
