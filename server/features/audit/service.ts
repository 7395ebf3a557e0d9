import { aliasedTable, and, desc, eq, lt } from "drizzle-orm";
import type { AuditAction, AuditEvent } from "../../../shared/schemas/audit.ts";
import { auditEvents, people } from "../../db/schema/index.ts";
import { forbidden, invalid } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { orgPolicy } from "../people/policy.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The district's audit log, newest first; the cursor is the last id seen (UUIDv7 sorts by time). */
export async function listAudit(
  ctx: ServiceContext,
  query: { action?: AuditAction | undefined; cursor?: string | undefined; limit: number },
) {
  if (!orgPolicy.readAudit(ctx.actor))
    throw forbidden("Only district administrators can read the audit log.");
  if (query.cursor && !UUID.test(query.cursor))
    throw invalid("cursor", "This page link is not valid; start from the first page.");
  const actor = aliasedTable(people, "actor");
  const subject = aliasedTable(people, "subject");
  const rows = await ctx.db
    .select({ event: auditEvents, actorName: actor.name, subjectName: subject.name })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .leftJoin(subject, eq(subject.id, auditEvents.subjectId))
    .where(
      and(
        eq(auditEvents.orgId, ctx.actor.orgId),
        query.action ? eq(auditEvents.action, query.action) : undefined,
        query.cursor ? lt(auditEvents.id, query.cursor) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const items: AuditEvent[] = page.map((r) => ({
    id: r.event.id,
    action: r.event.action as AuditAction,
    actorName: r.actorName,
    subjectName: r.subjectName ?? nameIn(r.event.details),
    details: r.event.details,
    createdAt: r.event.createdAt.toISOString(),
  }));
  return { items, nextCursor: rows.length > query.limit ? (page.at(-1)?.event.id ?? null) : null };
}

/** The subject's name as recorded with the event: a person, or a meeting's title, or a protocol's name. */
function nameIn(details: Record<string, unknown>): string | null {
  for (const key of ["person", "title", "name"]) {
    const value = details[key];
    if (typeof value === "string") return value;
  }
  return null;
}
