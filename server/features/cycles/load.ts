import { sql } from "drizzle-orm";
import { stageKey } from "../../../shared/cycles/rules.ts";
import { progressOf } from "../../../shared/goals/progress.ts";
import type { Cycle, CycleSummary, Evidence } from "../../../shared/schemas/cycles.ts";
import type {
  CycleDecision,
  CycleStatus,
  EvidenceKind,
  GoalUnit,
} from "../../../shared/schemas/goal-enums.ts";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { notFound } from "../../http/errors.ts";
import { type LoadedCommunity, loadCommunity } from "../communities/load.ts";
import { type CycleAccess, canReadCycles, canRemoveEvidence, cycleCan, seesEvidence } from "./policy.ts";

export type CycleRow = {
  id: string;
  community_id: string;
  title: string;
  goal_id: string | null;
  stage: number;
  status: CycleStatus;
  decision: CycleDecision | null;
  decision_note: string;
  next_focus: string;
  previous_cycle_id: string | null;
  version: number;
  last_activity_at: Date;
  created_at: Date;
  completed_at: Date | null;
};

export type LoadedCycle = { row: CycleRow; community: LoadedCommunity; access: CycleAccess };

/**
 * A cycle the actor may read, with its community and the actor's access, or 404 — the same answer for
 * another district's, a missing one, or one of a community private to others. `forUpdate` locks it.
 */
export async function loadCycle(
  db: Executor,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<LoadedCycle> {
  const result = await db.execute<CycleRow>(sql`
    select id, community_id, title, goal_id, stage, status, decision, decision_note, next_focus,
      previous_cycle_id, version, last_activity_at, created_at, completed_at
    from cycles where id = ${id} and org_id = ${actor.orgId}
    ${forUpdate ? sql`for update` : sql``}`);
  const row = result.rows[0];
  if (!row) throw notFound("This cycle");
  const community = await loadCommunity(db, actor, row.community_id).catch(() => {
    throw notFound("This cycle");
  });
  if (!canReadCycles(community.access)) throw notFound("This cycle");
  return { row, community, access: { community: community.access, status: row.status } };
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

type StageRow = {
  stage: number;
  notes: string;
  details: Record<string, unknown>;
  entered_at: Date | null;
  completed_at: Date | null;
};
type EvidenceRow = {
  id: string;
  stage: number;
  kind: EvidenceKind;
  target_id: string | null;
  title: string;
  url: string;
  note: string;
  added_by: string;
  added_by_name: string;
  created_at: Date;
  contains_student_work: boolean | null;
};
type GoalRow = {
  id: string;
  title: string;
  unit: GoalUnit | null;
  baseline: number | null;
  target: number | null;
  latest_value: number | null;
  latest_on: string | null;
};

/** The evidence of a cycle with the title of what each piece points at (hidden ones filtered later). */
export async function queryEvidence(db: Executor, cycleId: string): Promise<EvidenceRow[]> {
  const result = await db.execute<EvidenceRow>(sql`
    select e.id, e.stage, e.kind, coalesce(e.artifact_id, e.meeting_id, e.goal_id) as target_id,
      coalesce(a.title, m.title, g.title, e.title) as title, e.url, e.note, e.added_by,
      p.name as added_by_name, e.created_at, a.contains_student_work
    from cycle_evidence e
    join people p on p.id = e.added_by
    left join artifacts a on a.id = e.artifact_id
    left join meetings m on m.id = e.meeting_id
    left join goals g on g.id = e.goal_id
    where e.cycle_id = ${cycleId}
    order by e.stage, e.created_at, e.id`);
  return result.rows;
}

/** The cycle's goal with its latest measurement: what stage 6 evaluates against. */
async function queryGoal(db: Executor, goalId: string | null) {
  if (!goalId) return null;
  const result = await db.execute<GoalRow>(sql`
    select g.id, g.title, g.unit, g.baseline, g.target, lm.value as latest_value,
      lm.measured_on::text as latest_on
    from goals g
    left join lateral (select value, measured_on from goal_measurements
      where goal_id = g.id order by measured_on desc, created_at desc limit 1) lm on true
    where g.id = ${goalId}`);
  const g = result.rows[0];
  if (!g) return null;
  const latest =
    g.latest_value !== null && g.latest_on ? { value: g.latest_value, measuredOn: g.latest_on } : null;
  return {
    id: g.id,
    title: g.title,
    unit: g.unit,
    baseline: g.baseline,
    target: g.target,
    latest,
    progress: progressOf(g.baseline, g.target, latest?.value ?? null),
  };
}

function presentEvidence(loaded: LoadedCycle, rows: EvidenceRow[]): Evidence[] {
  return rows
    .filter((e) =>
      seesEvidence(loaded.community.access, { kind: e.kind, containsStudentWork: e.contains_student_work }),
    )
    .map((e) => ({
      id: e.id,
      stage: e.stage,
      kind: e.kind,
      targetId: e.target_id,
      title: e.title,
      url: e.url,
      note: e.note,
      addedBy: e.added_by_name,
      createdAt: iso(e.created_at) ?? "",
      canRemove: canRemoveEvidence(loaded.access, e.added_by),
    }));
}

/** The whole cycle as its page shows it: the timeline of seven stages, evidence, goal, what may be done. */
export async function presentCycle(db: Executor, loaded: LoadedCycle): Promise<Cycle> {
  const { row } = loaded;
  const stageRows = (
    await db.execute<StageRow>(sql`
      select stage, notes, details, entered_at, completed_at from cycle_stage_records
      where cycle_id = ${row.id} order by stage`)
  ).rows;
  const evidence = presentEvidence(loaded, await queryEvidence(db, row.id));
  const goal = await queryGoal(db, row.goal_id);
  const options = await db.execute<{ id: string; title: string }>(sql`
    select id, title from goals where community_id = ${row.community_id} and status <> 'retired'
    order by created_at, id`);
  const links = await db.execute<{ id: string; title: string; next_focus: string; relation: string }>(sql`
    select id, title, next_focus, 'previous' as relation from cycles where id = ${row.previous_cycle_id}
    union all
    select id, title, next_focus, 'next' from cycles where previous_cycle_id = ${row.id}`);
  const previous = links.rows.find((l) => l.relation === "previous");
  const next = links.rows.find((l) => l.relation === "next");
  const stages = Array.from({ length: 7 }, (_, i) => {
    const stage = i + 1;
    const record = stageRows.find((s) => s.stage === stage);
    return {
      stage,
      key: stageKey(stage),
      notes: record?.notes ?? "",
      details: record?.details ?? {},
      enteredAt: iso(record?.entered_at ?? null),
      completedAt: iso(record?.completed_at ?? null),
      evidence: evidence.filter((e) => e.stage === stage),
    };
  });
  return {
    ...summaryOf(row, loaded.community.row.name, goal),
    goal,
    decisionNote: row.decision_note,
    nextFocus: row.next_focus,
    version: row.version,
    previousCycle: previous
      ? { id: previous.id, title: previous.title, nextFocus: previous.next_focus }
      : null,
    nextCycle: next ? { id: next.id, title: next.title } : null,
    stages,
    missing: [],
    goalOptions: options.rows,
    can: cycleCan(loaded.access, row.stage, next !== undefined),
  };
}

export function summaryOf(
  row: CycleRow,
  communityName: string,
  goal: { id: string; title: string } | null,
): CycleSummary {
  return {
    id: row.id,
    communityId: row.community_id,
    communityName,
    title: row.title,
    stage: row.stage,
    stageKey: stageKey(row.stage),
    status: row.status,
    decision: row.decision,
    goal: goal ? { id: goal.id, title: goal.title } : null,
    lastActivityAt: iso(row.last_activity_at) ?? "",
    createdAt: iso(row.created_at) ?? "",
    completedAt: iso(row.completed_at),
  };
}
