import { and, eq, sql } from "drizzle-orm";
import { termOf } from "../../../shared/reflection/standard.ts";
import type {
  TeamReflection,
  TeamReflectionCreate,
  TeamReflectionList,
  TeamReflectionSave,
} from "../../../shared/schemas/team-reflections.ts";
import { teamReflections } from "../../db/schema/index.ts";
import { conflict, forbidden, invalid } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { recordAudit } from "../audit/record.ts";
import { loadCommunity } from "../communities/load.ts";
import { todayFor } from "../goals/progress.ts";
import { loadMeeting } from "../minutes/load.ts";
import { emptyContent, parseContent } from "./content.ts";
import { loadReflection, presentReflection, presentSummary, queryReflections } from "./load.ts";
import { canDeleteReflection, canReadReflections, canWriteReflections } from "./policy.ts";

/** A community's reflections, newest first, and its standard ratings oldest first (the trend). */
export async function listReflections(ctx: ServiceContext, communityId: string): Promise<TeamReflectionList> {
  const { access } = await loadCommunity(ctx.db, ctx.actor, communityId);
  if (!canReadReflections(access))
    throw forbidden("Only the team's members and leaders read its reflections.");
  const rows = await queryReflections(ctx.db, ctx.actor.orgId, sql`r.community_id = ${communityId}`);
  const items = rows.map(presentSummary);
  const trend = items
    .filter((r) => r.kind === "standard")
    .reverse()
    .map((r) => ({ reflectionId: r.id, title: r.title, createdAt: r.createdAt, ratings: r.ratings }));
  return { items, trend, can: { create: canWriteReflections(access) } };
}

export async function getReflection(ctx: ServiceContext, id: string): Promise<TeamReflection> {
  return presentReflection(ctx, await loadReflection(ctx, id));
}

/** The subject of a new reflection: its meeting or cycle, checked to be this community's. */
async function subjectOf(ctx: ServiceContext, communityId: string, input: TeamReflectionCreate) {
  if (input.kind === "standard") {
    const title = input.title || termOf(await todayFor(ctx.db, ctx.actor));
    return { title, meetingId: null, cycleId: null };
  }
  if (input.kind === "meeting") {
    const { meeting } = await loadMeeting(ctx.db, ctx.actor, input.meetingId, { mustRead: false }).catch(
      () => {
        throw invalid("meetingId", "Choose one of this community's meetings.");
      },
    );
    if (meeting.community_id !== communityId)
      throw invalid("meetingId", "Choose one of this community's meetings.");
    if (meeting.status !== "ended") throw invalid("meetingId", "Reflect on a meeting once it has ended.");
    return { title: meeting.title, meetingId: meeting.id, cycleId: null };
  }
  const result = await ctx.db.execute<{ id: string; title: string }>(sql`
    select id, title from cycles
    where id = ${input.cycleId} and org_id = ${ctx.actor.orgId} and community_id = ${communityId}`);
  const cycle = result.rows[0];
  if (!cycle) throw invalid("cycleId", "Choose one of this community's improvement cycles.");
  return { title: cycle.title, meetingId: null, cycleId: cycle.id };
}

/**
 * Starts a reflection. A meeting or a cycle has one: asking again returns the one that exists
 * (`created: false`), even when two people ask at the same moment.
 */
export async function createReflection(
  ctx: ServiceContext,
  communityId: string,
  input: TeamReflectionCreate,
): Promise<{ reflection: TeamReflection; created: boolean }> {
  const { access } = await loadCommunity(ctx.db, ctx.actor, communityId);
  if (!canWriteReflections(access))
    throw forbidden("Only the team's facilitators and members write its reflections.");
  const subject = await subjectOf(ctx, communityId, input);
  const id = newId();
  const inserted = await ctx.db
    .insert(teamReflections)
    .values({
      id,
      orgId: ctx.actor.orgId,
      communityId,
      kind: input.kind,
      ...subject,
      content: emptyContent(input.kind),
      createdBy: ctx.actor.id,
    })
    .onConflictDoNothing()
    .returning({ id: teamReflections.id });
  if (!inserted.length) {
    const column = input.kind === "meeting" ? teamReflections.meetingId : teamReflections.cycleId;
    const [existing] = await ctx.db
      .select({ id: teamReflections.id })
      .from(teamReflections)
      .where(
        and(
          eq(teamReflections.orgId, ctx.actor.orgId),
          eq(column, subject.meetingId ?? subject.cycleId ?? ""),
        ),
      );
    if (!existing) throw conflict("This reflection could not be started; try again.");
    return { reflection: await getReflection(ctx, existing.id), created: false };
  }
  await audit(ctx, "team_reflection.created", communityId, id, subject.title, input.kind);
  return { reflection: await getReflection(ctx, id), created: true };
}

async function audit(
  ctx: ServiceContext,
  action: "team_reflection.created" | "team_reflection.deleted",
  communityId: string,
  reflectionId: string,
  title: string,
  kind: string,
) {
  await recordAudit(ctx.db, {
    orgId: ctx.actor.orgId,
    actorId: ctx.actor.id,
    action,
    subjectType: "community",
    subjectId: communityId,
    details: { reflectionId, title, kind },
    ip: ctx.ip,
  });
}

/** Saves what the team wrote; a save based on an older version is refused (409) and names who saved. */
export async function saveReflection(
  ctx: ServiceContext,
  id: string,
  input: TeamReflectionSave,
): Promise<TeamReflection> {
  await ctx.db.execute(
    sql`select 1 from team_reflections where id = ${id} and org_id = ${ctx.actor.orgId} for update`,
  );
  const loaded = await loadReflection(ctx, id);
  if (!canWriteReflections(loaded.community.access))
    throw forbidden("Only the team's facilitators and members write its reflections.");
  const content = parseContent(loaded.row.kind, input.content);
  if (input.version !== loaded.row.version)
    throw conflict(
      `${loaded.row.editor} saved this reflection after you opened it. Your text is still here: copy what you need, then reload theirs.`,
      "version",
    );
  await ctx.db
    .update(teamReflections)
    .set({
      content,
      version: sql`${teamReflections.version} + 1`,
      updatedBy: ctx.actor.id,
      updatedAt: sql`now()`,
    })
    .where(eq(teamReflections.id, id));
  return getReflection(ctx, id);
}

export async function deleteReflection(ctx: ServiceContext, id: string): Promise<void> {
  const { row, community } = await loadReflection(ctx, id);
  if (!canDeleteReflection(community.access))
    throw forbidden("Only the team's facilitators delete its reflections.");
  await ctx.db.delete(teamReflections).where(eq(teamReflections.id, id));
  await audit(ctx, "team_reflection.deleted", row.community_id, id, row.title, row.kind);
}
