import { and, eq, inArray, sql } from "drizzle-orm";
import type { GroupInput, GroupUpdate, StudentGroup } from "../../../shared/schemas/groups.ts";
import type { Executor } from "../../db/client.ts";
import { studentGroupMembers, studentGroups } from "../../db/schema/index.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { conflict, forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { recordAudit } from "../audit/record.ts";
import { studentVisible } from "../students/visibility.ts";
import { loadUsableAssessment } from "./assessment.ts";
import { canChangeGroup } from "./policy.ts";
import { standardScores } from "./scores.ts";
import { presentStudents } from "./students.ts";

/*
 * Saved groups. A group is read by its creator, and by others who may use its assessment's data only for
 * the members they may read themselves (a group never shows anyone a student they could not see anyway);
 * someone who may read none of its members is told it does not exist. Only the creator changes it.
 */

type GroupRow = typeof studentGroups.$inferSelect;

async function queryGroup(db: Executor, actor: Actor, id: string, forUpdate = false) {
  const result = await db.execute<{
    id: string;
    title: string;
    purpose: GroupRow["purpose"];
    standard: string;
    assessment_id: string | null;
    community_id: string | null;
    version: number;
    created_by: string;
    created_at: Date;
    updated_at: Date;
    creator_name: string;
    assessment_title: string | null;
  }>(sql`
    select g.id, g.title, g.purpose, g.standard, g.assessment_id, g.community_id, g.version, g.created_by,
      g.created_at, g.updated_at, p.name as creator_name, a.title as assessment_title
    from student_groups g join people p on p.id = g.created_by
      left join assessments a on a.id = g.assessment_id
    where g.id = ${id} and g.org_id = ${actor.orgId} ${forUpdate ? sql`for update of g` : sql``}`);
  const r = result.rows[0];
  if (!r) return null;
  return {
    id: r.id,
    title: r.title,
    purpose: r.purpose,
    standard: r.standard,
    assessmentId: r.assessment_id,
    communityId: r.community_id,
    version: r.version,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    creatorName: r.creator_name,
    assessmentTitle: r.assessment_title,
  };
}

/** The ids and pseudonyms of the group's members the actor may read. */
async function visibleMembers(db: Executor, actor: Actor, groupId: string) {
  const result = await db.execute<{ id: string; pseudonym: string }>(sql`
    select s.id, s.pseudonym from student_group_members m join students s on s.id = m.student_id
    where m.group_id = ${groupId} and ${studentVisible(actor)} order by s.pseudonym`);
  return result.rows;
}

/** The group if the actor may read it (404 otherwise), with the members they may read. */
async function loadGroup(db: Executor, actor: Actor, id: string, forUpdate = false) {
  const row = await queryGroup(db, actor, id, forUpdate);
  if (!row || actor.orgRole === "partner") throw notFound("This group");
  const members = await visibleMembers(db, actor, id);
  if (row.createdBy !== actor.id) {
    if (!row.assessmentId || members.length === 0) throw notFound("This group");
    await loadUsableAssessment(db, actor, row.assessmentId, "This group");
  }
  return { row, members };
}

async function present(ctx: ServiceContext, loaded: Awaited<ReturnType<typeof loadGroup>>, purpose: string) {
  const { row, members } = loaded;
  const ids = members.map((m) => m.id);
  const scores = row.assessmentId
    ? await standardScores(ctx.db, ctx.actor, {
        assessmentId: row.assessmentId,
        standard: row.standard,
        who: "visible",
        studentIds: ids,
      })
    : [];
  const scored = new Map(scores.map((s) => [s.studentId, s]));
  const classes = await classesOf(ctx.db, ids);
  const list = members.map(
    (m) =>
      scored.get(m.id) ?? {
        studentId: m.id,
        pseudonym: m.pseudonym,
        percent: null,
        classes: classes.get(m.id) ?? [],
      },
  );
  const students = await presentStudents(ctx.db, ctx.actor, list, purpose);
  const group: StudentGroup = {
    id: row.id,
    title: row.title,
    purpose: row.purpose,
    standard: row.standard,
    assessmentId: row.assessmentId,
    assessmentTitle: row.assessmentTitle,
    communityId: row.communityId,
    version: row.version,
    createdBy: { id: row.createdBy, name: row.creatorName },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    members: students.sort((a, b) => (a.name ?? a.pseudonym).localeCompare(b.name ?? b.pseudonym)),
    can: { edit: canChangeGroup(ctx.actor.id, row) },
  };
  return group;
}

async function classesOf(db: Executor, ids: string[]) {
  const map = new Map<string, { id: string; title: string }[]>();
  if (!ids.length) return map;
  const result = await db.execute<{ student_id: string; id: string; title: string }>(sql`
    select e.student_id, c.id, c.title from enrollments e join classes c on c.id = e.class_id
    where e.student_id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and e.active and c.active
    order by c.title`);
  for (const r of result.rows)
    map.set(r.student_id, [...(map.get(r.student_id) ?? []), { id: r.id, title: r.title }]);
  return map;
}

/** Every id must be a student the actor may read (in their district); names the field otherwise. */
async function checkStudents(db: Executor, actor: Actor, ids: string[], field: string) {
  if (!ids.length) return;
  const result = await db.execute<{ id: string }>(sql`
    select s.id from students s
    where s.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and ${studentVisible(actor)}`);
  if (result.rows.length !== ids.length)
    throw invalid(field, "Choose only students you teach or lead: one of them is not yours to add.");
}

export async function createGroup(ctx: ServiceContext, input: GroupInput): Promise<StudentGroup> {
  const a = await loadUsableAssessment(ctx.db, ctx.actor, input.assessmentId);
  if (!a.standards.includes(input.standard))
    throw invalid("standard", `Choose one of this assessment's standards: ${a.standards.join(", ")}.`);
  await checkStudents(ctx.db, ctx.actor, input.studentIds, "studentIds");
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(studentGroups).values({
      id,
      orgId: ctx.actor.orgId,
      communityId: a.communityId,
      assessmentId: a.id,
      standard: input.standard,
      purpose: input.purpose,
      title: input.title,
      createdBy: ctx.actor.id,
    });
    await tx
      .insert(studentGroupMembers)
      .values(input.studentIds.map((studentId) => ({ orgId: ctx.actor.orgId, groupId: id, studentId })));
    await audit(ctx, tx, "student_group.saved", id, {
      title: input.title,
      purpose: input.purpose,
      standard: input.standard,
      students: input.studentIds.length,
    });
  });
  return readGroup(ctx, id);
}

export async function readGroup(ctx: ServiceContext, id: string, purpose = "student group") {
  return present(ctx, await loadGroup(ctx.db, ctx.actor, id), purpose);
}

/** Adds and removes members and renames; a stale `version` is a 409 (someone changed it meanwhile). */
export async function updateGroup(ctx: ServiceContext, id: string, input: GroupUpdate) {
  await ctx.db.transaction(async (tx) => {
    const { row } = await loadGroup(tx, ctx.actor, id, true);
    if (!canChangeGroup(ctx.actor.id, row))
      throw forbidden("Only the person who made this group can change it.");
    if (row.version !== input.version)
      throw conflict(
        "Someone changed this group since you opened it: reload it and adjust again.",
        "version",
      );
    const both = input.add.filter((s) => input.remove.includes(s));
    if (both.length) throw invalid("remove", "A student cannot be added and removed at once.");
    await checkStudents(tx, ctx.actor, input.add, "add");
    if (input.add.length)
      await tx
        .insert(studentGroupMembers)
        .values(input.add.map((studentId) => ({ orgId: ctx.actor.orgId, groupId: id, studentId })))
        .onConflictDoNothing();
    if (input.remove.length)
      await tx
        .delete(studentGroupMembers)
        .where(
          and(eq(studentGroupMembers.groupId, id), inArray(studentGroupMembers.studentId, input.remove)),
        );
    await tx
      .update(studentGroups)
      .set({ title: input.title ?? row.title, version: row.version + 1, updatedAt: sql`now()` })
      .where(eq(studentGroups.id, id));
    await audit(ctx, tx, "student_group.changed", id, {
      title: input.title ?? row.title,
      ...(input.title && input.title !== row.title ? { renamedFrom: row.title } : {}),
      added: input.add.length,
      removed: input.remove.length,
    });
  });
  return readGroup(ctx, id);
}

export async function deleteGroup(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { row } = await loadGroup(tx, ctx.actor, id, true);
    if (!canChangeGroup(ctx.actor.id, row))
      throw forbidden("Only the person who made this group can delete it.");
    await tx.delete(studentGroups).where(eq(studentGroups.id, id));
    await audit(ctx, tx, "student_group.deleted", id, { title: row.title, standard: row.standard });
  });
}

/** Group changes in the audit log: counts and titles, never who the students are. */
function audit(
  ctx: ServiceContext,
  db: Executor,
  action: "student_group.saved" | "student_group.changed" | "student_group.deleted",
  id: string,
  details: Record<string, unknown>,
) {
  return recordAudit(db, {
    orgId: ctx.actor.orgId,
    actorId: ctx.actor.id,
    action,
    subjectType: "student_group",
    subjectId: id,
    details,
    ip: ctx.ip,
  });
}
