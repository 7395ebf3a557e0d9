import { z } from "zod";

export const auditActions = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "auth.password_reset",
  "person.invited",
  "person.joined",
  "person.role_changed",
  "person.schools_changed",
  "person.deactivated",
  "person.reactivated",
  "community.created",
  "community.archived",
  "community.restored",
  "membership.invited",
  "membership.joined",
  "membership.requested",
  "membership.approved",
  "membership.declined",
  "membership.role_changed",
  "membership.removed",
  "membership.left",
  "meeting.scheduled",
  "meeting.changed",
  "meeting.cancelled",
  "meeting.restored",
  "meeting.started",
  "meeting.ended",
  "meeting_series.changed",
  "meeting_series.cancelled",
  "minutes.edited",
  "minutes.regenerated",
  "protocol.created",
  "protocol.edited",
  "protocol.archived",
  "protocol.restored",
  "exemplar.approved",
  "exemplar.declined",
  "exemplar.copied",
  "artifact.created",
  "artifact.versioned",
  "artifact.archived",
  "artifact.restored",
  "thread.pinned",
  "thread.unpinned",
  "post.removed",
  "goal.created",
  "goal.changed",
  "goal.aligned",
  "goal.measurement_removed",
  "cycle.started",
  "cycle.stage_changed",
  "cycle.decided",
  "cycle.stopped",
  "student.identities_viewed",
  "student_data.settings_changed",
  "roster.imported",
  "assessment.created",
  "assessment.changed",
  "results.imported",
  "results.import_deleted",
  "student_group.saved",
  "student_group.changed",
  "student_group.deleted",
  "survey_administration.followed_up",
  "journal_entry.shared",
  "journal_entry.unshared",
  "team_reflection.created",
  "team_reflection.deleted",
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditEventSchema = z.object({
  id: z.string(),
  action: z.enum(auditActions),
  actorName: z.string().nullable(),
  subjectName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditQuerySchema = z.object({
  action: z.enum(auditActions).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const outboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  /**
   * The message text, only while the outbox is its delivery channel (no SMTP: status "kept"). Mail handed to
   * a mail server is private to its recipient — a password-reset link must not be readable by administrators.
   */
  text: z.string().nullable(),
  status: z.enum(["pending", "sent", "failed", "kept"]),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
