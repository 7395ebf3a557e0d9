import { and, asc, eq, sql } from "drizzle-orm";
import type { Decision, DecisionInput } from "../../../shared/schemas/minutes.ts";
import type { Executor } from "../../db/client.ts";
import { agendaItems, decisions } from "../../db/schema/index.ts";
import { forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { loadMeeting } from "./load.ts";
import { canRecordOutcomes } from "./policy.ts";

const columns = {
  id: decisions.id,
  meetingId: decisions.meetingId,
  agendaItemId: decisions.agendaItemId,
  text: decisions.text,
  createdAt: decisions.createdAt,
  updatedAt: decisions.updatedAt,
};

type Row = {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  text: string;
  createdAt: Date;
  updatedAt: Date;
};

const present = (row: Row): Decision => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** A meeting's decisions in the order they were recorded. */
export async function listDecisions(db: Executor, meetingId: string): Promise<Decision[]> {
  const rows = await db
    .select(columns)
    .from(decisions)
    .where(eq(decisions.meetingId, meetingId))
    .orderBy(asc(decisions.position), asc(decisions.id));
  return rows.map(present);
}

/** Only the meeting's facilitators, note-taker and the community's leaders record decisions. */
async function authorise(ctx: ServiceContext, meetingId: string) {
  const loaded = await loadMeeting(ctx.db, ctx.actor, meetingId, { forUpdate: true });
  if (!canRecordOutcomes(loaded.access))
    throw forbidden("Only the meeting's facilitator and note-taker can record decisions.");
  return loaded;
}

async function checkAgendaItem(db: Executor, meetingId: string, agendaItemId: string | null | undefined) {
  if (!agendaItemId) return;
  const [item] = await db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.id, agendaItemId), eq(agendaItems.meetingId, meetingId)));
  if (!item) throw invalid("agendaItemId", "Choose an item of this meeting's agenda.");
}

/** Records a decision (during the meeting or after); `ctx.db` is the create's transaction. */
export async function createDecision(ctx: ServiceContext, meetingId: string, input: DecisionInput) {
  const { meeting } = await authorise(ctx, meetingId);
  await checkAgendaItem(ctx.db, meetingId, input.agendaItemId);
  const id = newId();
  await ctx.db.insert(decisions).values({
    id,
    orgId: meeting.org_id,
    meetingId,
    agendaItemId: input.agendaItemId,
    position: sql`(select coalesce(max(position), -1) + 1 from decisions where meeting_id = ${meetingId})`,
    text: input.text,
    createdBy: ctx.actor.id,
  });
  return findDecision(ctx.db, meetingId, id);
}

export async function updateDecision(
  ctx: ServiceContext,
  meetingId: string,
  decisionId: string,
  input: Partial<DecisionInput>,
) {
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    await authorise(scoped, meetingId);
    await findDecision(tx, meetingId, decisionId);
    await checkAgendaItem(tx, meetingId, input.agendaItemId);
    await tx
      .update(decisions)
      .set({ ...input, updatedAt: sql`now()` })
      .where(and(eq(decisions.id, decisionId), eq(decisions.meetingId, meetingId)));
    return findDecision(tx, meetingId, decisionId);
  });
}

export async function deleteDecision(ctx: ServiceContext, meetingId: string, decisionId: string) {
  await ctx.db.transaction(async (tx) => {
    await authorise({ ...ctx, db: tx }, meetingId);
    await findDecision(tx, meetingId, decisionId);
    await tx.delete(decisions).where(and(eq(decisions.id, decisionId), eq(decisions.meetingId, meetingId)));
  });
}

async function findDecision(db: Executor, meetingId: string, decisionId: string): Promise<Decision> {
  const [row] = await db
    .select(columns)
    .from(decisions)
    .where(and(eq(decisions.id, decisionId), eq(decisions.meetingId, meetingId)));
  if (!row) throw notFound("This decision");
  return present(row);
}
