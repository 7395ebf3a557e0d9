import { sql } from "drizzle-orm";
import { stageKey } from "../../../shared/cycles/rules.ts";
import type {
  TeamReflection,
  TeamReflectionKind,
  TeamReflectionSummary,
} from "../../../shared/schemas/team-reflections.ts";
import type { Executor } from "../../db/client.ts";
import { notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { meetingActionItems } from "../action-items/service.ts";
import { type LoadedCommunity, loadCommunity } from "../communities/load.ts";
import { listDecisions } from "../minutes/decisions.ts";
import { ratingsOf } from "./content.ts";
import { canDeleteReflection, canReadReflections, canWriteReflections } from "./policy.ts";

export type ReflectionRow = {
  id: string;
  community_id: string;
  kind: TeamReflectionKind;
  title: string;
  meeting_id: string | null;
  cycle_id: string | null;
  content: Record<string, unknown>;
  version: number;
  created_by: string;
  creator: string;
  editor_id: string;
  editor: string;
  created_at: Date;
  updated_at: Date;
};

/** Reflections of this district matching `where`, newest first, with who wrote and last saved them. */
export async function queryReflections(db: Executor, orgId: string, where: ReturnType<typeof sql>) {
  const result = await db.execute<ReflectionRow>(sql`
    select r.id, r.community_id, r.kind, r.title, r.meeting_id, r.cycle_id, r.content, r.version,
      r.created_by, c.name as creator, e.id as editor_id, e.name as editor, r.created_at, r.updated_at
    from team_reflections r
      join people c on c.id = r.created_by
      join people e on e.id = coalesce(r.updated_by, r.created_by)
    where r.org_id = ${orgId} and ${where}
    order by r.created_at desc, r.id desc limit 500`);
  return result.rows;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export const presentSummary = (r: ReflectionRow): TeamReflectionSummary => ({
  id: r.id,
  communityId: r.community_id,
  kind: r.kind,
  title: r.title,
  meetingId: r.meeting_id,
  cycleId: r.cycle_id,
  createdBy: { id: r.created_by, name: r.creator },
  createdAt: iso(r.created_at),
  lastEditedBy: { id: r.editor_id, name: r.editor },
  updatedAt: iso(r.updated_at),
  ratings: ratingsOf(r.kind, r.content),
});

export type LoadedReflection = { row: ReflectionRow; community: LoadedCommunity };

/**
 * A reflection the actor may read, or 404 — the same for another district's, a missing one, or one of
 * a community the actor does not read.
 */
export async function loadReflection(ctx: ServiceContext, id: string): Promise<LoadedReflection> {
  const [row] = await queryReflections(ctx.db, ctx.actor.orgId, sql`r.id = ${id}`);
  if (!row) throw notFound("This reflection");
  const community = await loadCommunity(ctx.db, ctx.actor, row.community_id).catch(() => {
    throw notFound("This reflection");
  });
  if (!canReadReflections(community.access)) throw notFound("This reflection");
  return { row, community };
}

/** The meeting's minutes in brief, beside a meeting reflection: its decisions and action items. */
async function meetingSummary(ctx: ServiceContext, meetingId: string) {
  const result = await ctx.db.execute<{ id: string; title: string; starts_at: Date; time_zone: string }>(
    sql`select id, title, starts_at, time_zone from meetings where id = ${meetingId}`,
  );
  const m = result.rows[0];
  if (!m) return null;
  const decisions = await listDecisions(ctx.db, meetingId);
  const items = await meetingActionItems(ctx.db, ctx, meetingId);
  return {
    id: m.id,
    title: m.title,
    startsAt: iso(m.starts_at),
    timeZone: m.time_zone,
    decisions: decisions.map((d) => ({ id: d.id, text: d.text })),
    actionItems: items.map((a) => ({
      id: a.id,
      title: a.title,
      owner: a.owner?.name ?? null,
      dueOn: a.dueOn,
      status: a.status,
    })),
  };
}

async function cycleSummary(db: Executor, cycleId: string) {
  const result = await db.execute<{
    id: string;
    title: string;
    stage: number;
    status: string;
    decision: string | null;
  }>(sql`select id, title, stage, status, decision from cycles where id = ${cycleId}`);
  const c = result.rows[0];
  return c ? { ...c, stageKey: stageKey(c.stage) } : null;
}

export async function presentReflection(
  ctx: ServiceContext,
  loaded: LoadedReflection,
): Promise<TeamReflection> {
  const { row, community } = loaded;
  return {
    ...presentSummary(row),
    communityName: community.row.name,
    content: row.content,
    version: row.version,
    meeting: row.meeting_id ? await meetingSummary(ctx, row.meeting_id) : null,
    cycle: row.cycle_id ? await cycleSummary(ctx.db, row.cycle_id) : null,
    can: {
      edit: canWriteReflections(community.access),
      delete: canDeleteReflection(community.access),
    },
  };
}
