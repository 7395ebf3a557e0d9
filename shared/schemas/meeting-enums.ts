/**
 * The closed lists of the meeting tables, shared by the database schema, the API schemas and the UI.
 */
export const meetingStatuses = ["scheduled", "live", "ended", "cancelled"] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const agendaItemKinds = [
  "protocol",
  "discussion",
  "data_review",
  "announcements",
  "action_review",
] as const;
export type AgendaItemKind = (typeof agendaItemKinds)[number];

/** Roles held for a whole meeting; the presenter is chosen per agenda item. */
export const meetingRoles = ["facilitator", "timekeeper", "note_taker"] as const;
export type MeetingRole = (typeof meetingRoles)[number];

export const actionItemStatuses = ["open", "done", "dropped"] as const;
export type ActionItemStatus = (typeof actionItemStatuses)[number];

export const attendanceSources = ["joined", "manual"] as const;
export type AttendanceSource = (typeof attendanceSources)[number];
