import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { contributionKinds } from "../../../shared/protocols/definition.ts";
import type { LivePhase } from "../../../shared/schemas/live.ts";
import {
  actionItemStatuses,
  agendaItemKinds,
  attendanceSources,
  meetingRoles,
  meetingStatuses,
} from "../../../shared/schemas/meeting-enums.ts";
import { bytea, createdAt, orgId, updatedAt } from "./columns.ts";
import { communities } from "./communities.ts";
import { people } from "./people.ts";
import { protocolVersions } from "./protocols.ts";
import { artifacts } from "./work.ts";

/**
 * A recurring schedule ("every Friday at 15:30"). Its occurrences are materialised as meetings (each
 * has its own agenda, room and minutes); cancelling or moving one changes only that meeting.
 */
export const meetingSeries = pgTable(
  "meeting_series",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    /** RFC 5545 RRULE (without DTSTART), e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270612T235959Z. */
    rrule: text("rrule").notNull(),
    /** Wall-clock start of the first occurrence in time_zone, e.g. 2026-11-27T15:30. */
    firstStartLocal: text("first_start_local").notNull(),
    timeZone: text("time_zone").notNull(),
    title: text("title").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    place: text("place").notNull().default(""),
    videoUrl: text("video_url").notNull().default(""),
    createdBy: uuid("created_by").references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("meeting_series_community_idx").on(t.orgId, t.communityId)],
);

export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    seriesId: uuid("series_id").references(() => meetingSeries.id, { onDelete: "set null" }),
    /** For an occurrence of a series: the start the rule gave it (iCalendar RECURRENCE-ID), even if moved. */
    occurrenceStart: timestamp("occurrence_start", { withTimezone: true }),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    timeZone: text("time_zone").notNull(),
    place: text("place").notNull().default(""),
    videoUrl: text("video_url").notNull().default(""),
    description: text("description").notNull().default(""),
    status: text("status", { enum: meetingStatuses }).notNull().default("scheduled"),
    /** iCalendar SEQUENCE: bumped on every change a calendar app should pick up. */
    icalSequence: integer("ical_sequence").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("meetings_community_idx").on(t.orgId, t.communityId, t.startsAt),
    uniqueIndex("meetings_occurrence_idx").on(t.seriesId, t.occurrenceStart),
  ],
);

/** Who holds a meeting-wide role. */
export const meetingRoleAssignments = pgTable(
  "meeting_roles",
  {
    orgId: orgId(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    role: text("role", { enum: meetingRoles }).notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.role, t.personId] })],
);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind", { enum: agendaItemKinds }).notNull(),
    title: text("title").notNull(),
    minutes: integer("minutes").notNull(),
    /** Protocol runs: the exact version used, kept even if the protocol is edited later. */
    protocolVersionId: uuid("protocol_version_id").references(() => protocolVersions.id),
    presenterId: uuid("presenter_id").references(() => people.id),
    focusingQuestion: text("focusing_question").notNull().default(""),
    /** The work sample or dilemma brought to the group, described (and linked). */
    material: text("material").notNull().default(""),
    materialUrl: text("material_url").notNull().default(""),
    /** The artifact presented, when the material is one: feedback given in the room shows on it. */
    artifactId: uuid("artifact_id").references(() => artifacts.id, { onDelete: "set null" }),
    details: text("details").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("agenda_items_meeting_idx").on(t.orgId, t.meetingId, t.position),
    // The live-meeting feedback shown on an artifact is found from the artifact.
    index("agenda_items_artifact_idx").on(t.artifactId).where(sql`artifact_id is not null`),
  ],
);

/** The server-owned state of a meeting's room: where it is and the shared countdown. */
export const meetingLiveStates = pgTable("meeting_live_states", {
  meetingId: uuid("meeting_id")
    .primaryKey()
    .references(() => meetings.id, { onDelete: "cascade" }),
  orgId: orgId(),
  version: integer("version").notNull().default(0),
  phase: text("phase").$type<LivePhase>().notNull().default("not_started"),
  itemIndex: integer("item_index").notNull().default(0),
  stepIndex: integer("step_index").notNull().default(0),
  durationSeconds: integer("duration_seconds").notNull().default(0),
  endsAt: timestamp("ends_at", { withTimezone: true, mode: "date" }),
  remainingMs: integer("remaining_ms"),
  updatedBy: uuid("updated_by").references(() => people.id),
  updatedAt: updatedAt(),
});

/** A card added in the room (a warm-feedback card, a probing question, a next step…). */
export const contributions = pgTable(
  "contributions",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    stepIndex: integer("step_index").notNull(),
    kind: text("kind", { enum: contributionKinds }).notNull(),
    body: text("body").notNull(),
    /** Kept even for anonymous cards (so authors can retract their own); never shown when anonymous. */
    authorId: uuid("author_id")
      .notNull()
      .references(() => people.id),
    anonymous: boolean("anonymous").notNull().default(false),
    /** Chosen by the author's device; a resent contribution is recognised and not stored twice. */
    clientId: uuid("client_id").notNull(),
    retractedAt: timestamp("retracted_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("contributions_client_idx").on(t.meetingId, t.clientId),
    index("contributions_meeting_idx").on(t.orgId, t.meetingId, t.agendaItemId, t.stepIndex),
  ],
);

export const attendance = pgTable(
  "attendance",
  {
    orgId: orgId(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    present: boolean("present").notNull().default(true),
    source: text("source", { enum: attendanceSources }).notNull(),
    firstJoinedAt: timestamp("first_joined_at", { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

/** The shared notes of a meeting: a compacted Yjs document state. */
export const meetingNotes = pgTable("meeting_notes", {
  meetingId: uuid("meeting_id")
    .primaryKey()
    .references(() => meetings.id, { onDelete: "cascade" }),
  orgId: orgId(),
  state: bytea("state").notNull(),
  updatedAt: updatedAt(),
});

/**
 * Yjs updates appended as they arrive (so nothing typed is lost on a crash), folded into
 * meeting_notes.state and deleted when the room compacts.
 */
export const meetingNoteUpdates = pgTable(
  "meeting_note_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: orgId(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    update: bytea("update").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("meeting_note_updates_meeting_idx").on(t.meetingId, t.id)],
);

/**
 * Minutes generated when a meeting ends: a structured snapshot of what happened (attendance, items,
 * steps, contributions, notes) plus a summary the facilitator may edit.
 */
export const minutes = pgTable(
  "minutes",
  {
    meetingId: uuid("meeting_id")
      .primaryKey()
      .references(() => meetings.id, { onDelete: "cascade" }),
    orgId: orgId(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    /** The generated record; its shape is owned by server/features/minutes. */
    record: jsonb("record").$type<Record<string, unknown>>().notNull(),
    summary: text("summary").notNull().default(""),
    /** Optimistic concurrency for the facilitator's edits. */
    revision: integer("revision").notNull().default(1),
    generatedAt: timestamp("generated_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    editedBy: uuid("edited_by").references(() => people.id),
  },
  (t) => [index("minutes_community_idx").on(t.orgId, t.communityId, t.generatedAt)],
);

export const decisions = pgTable(
  "decisions",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    agendaItemId: uuid("agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    createdBy: uuid("created_by").references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("decisions_meeting_idx").on(t.orgId, t.meetingId, t.position)],
);

/** Something someone will do: born in a meeting (or added by hand), carried to the next one. */
export const actionItems = pgTable(
  "action_items",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    agendaItemId: uuid("agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    ownerId: uuid("owner_id").references(() => people.id),
    dueOn: date("due_on"),
    status: text("status", { enum: actionItemStatuses }).notNull().default("open"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("action_items_owner_idx").on(t.orgId, t.ownerId, t.status, t.dueOn),
    index("action_items_community_idx").on(t.orgId, t.communityId, t.status),
  ],
);

/** A person's private calendar subscription URL (the token is stored hashed). */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    personId: uuid("person_id")
      .primaryKey()
      .references(() => people.id, { onDelete: "cascade" }),
    orgId: orgId(),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("calendar_feeds_token_idx").on(t.tokenHash)],
);
