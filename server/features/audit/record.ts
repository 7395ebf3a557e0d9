import type { AuditAction } from "../../../shared/schemas/audit.ts";
import type { Executor } from "../../db/client.ts";
import { auditEvents } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";

export type AuditEntry = {
  orgId: string;
  actorId: string | null;
  action: AuditAction;
  subjectType?:
    | "person"
    | "organization"
    | "community"
    | "school"
    | "invitation"
    | "meeting"
    | "protocol"
    | "artifact"
    | "exemplar"
    | "thread"
    | "cycle"
    | "goal"
    | "student"
    | "roster_import"
    | "assessment"
    | "student_group"
    | "survey"
    | "survey_administration";
  subjectId?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
};

/** Appends to the audit log; call it inside the transaction of the change it records. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    id: newId(),
    orgId: entry.orgId,
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    details: entry.details ?? {},
    ip: entry.ip ?? null,
  });
}
