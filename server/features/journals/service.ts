import { and, eq, sql } from "drizzle-orm";
import type {
  JournalEntry,
  JournalEntryInput,
  JournalEntryUpdate,
  JournalPage,
  JournalShare,
} from "../../../shared/schemas/journals.ts";
import { journalEntries } from "../../db/schema/index.ts";
import { conflict, invalid } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { recordAudit } from "../audit/record.ts";
import { loadCommunity } from "../communities/load.ts";
import { todayFor } from "../goals/progress.ts";
import { checkSubject, loadEntry, loadOwnEntry, membershipIn, presentEntry, queryEntries } from "./load.ts";
import { canShareWith } from "./policy.ts";

/** Cursor of a list ordered by (written_on, created_at, id) descending. */
const cursorOf = (e: { writtenOn: string; createdAt: string; id: string }) =>
  Buffer.from(`${e.writtenOn}|${e.createdAt}|${e.id}`).toString("base64url");
function afterCursor(cursor: string | undefined) {
  if (!cursor) return sql`true`;
  const [on, at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  if (!on || !at || !id || !/^\d{4}-\d{2}-\d{2}$/.test(on) || Number.isNaN(Date.parse(at)))
    throw invalid("cursor", "This page link is not valid: start from the first page.");
  return sql`(e.written_on, e.created_at, e.id) < (${on}::date, ${at}::timestamptz, ${id}::uuid)`;
}

async function page(
  ctx: ServiceContext,
  where: ReturnType<typeof sql>,
  q: { cursor?: string | undefined; limit: number },
) {
  const rows = await queryEntries(ctx.db, ctx.actor, sql`${where} and ${afterCursor(q.cursor)}`, {
    limit: q.limit + 1,
  });
  const items = rows.slice(0, q.limit).map((r) => presentEntry(ctx.actor, r));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? cursorOf(last) : null };
}

/** My entries, newest first. */
export async function listMyEntries(
  ctx: ServiceContext,
  q: { cursor?: string | undefined; limit: number },
): Promise<JournalPage> {
  return page(ctx, sql`e.person_id = ${ctx.actor.id}`, q);
}

/** Entries shared with a community: its active members read them; others who may see it get none. */
export async function listCommunityEntries(
  ctx: ServiceContext,
  communityId: string,
  q: { cursor?: string | undefined; limit: number },
): Promise<JournalPage> {
  const { access } = await loadCommunity(ctx.db, ctx.actor, communityId);
  if (access.membership?.status !== "active") return { items: [], nextCursor: null };
  return page(ctx, sql`e.shared_community_id = ${communityId}`, q);
}

export async function readEntry(ctx: ServiceContext, id: string): Promise<JournalEntry> {
  return presentEntry(ctx.actor, await loadEntry(ctx.db, ctx.actor, id));
}

export async function createEntry(ctx: ServiceContext, input: JournalEntryInput): Promise<JournalEntry> {
  await checkSubject(ctx.db, ctx.actor, "meetingId", input.meetingId);
  await checkSubject(ctx.db, ctx.actor, "cycleId", input.cycleId);
  const id = newId();
  await ctx.db.insert(journalEntries).values({
    id,
    orgId: ctx.actor.orgId,
    personId: ctx.actor.id,
    title: input.title,
    prompt: input.prompt,
    body: input.body,
    writtenOn: input.writtenOn ?? (await todayFor(ctx.db, ctx.actor)),
    meetingId: input.meetingId,
    cycleId: input.cycleId,
  });
  return readEntry(ctx, id);
}

export async function updateEntry(ctx: ServiceContext, id: string, input: JournalEntryUpdate) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadOwnEntry(tx, ctx.actor, id);
    if (input.version !== row.version)
      throw conflict(
        "This entry changed since you opened it (in another tab?). Reload it to see the latest, then edit again.",
        "version",
      );
    if (input.meetingId !== undefined && input.meetingId !== row.meeting_id)
      await checkSubject(tx, ctx.actor, "meetingId", input.meetingId);
    if (input.cycleId !== undefined && input.cycleId !== row.cycle_id)
      await checkSubject(tx, ctx.actor, "cycleId", input.cycleId);
    const { version: _seen, ...changes } = input;
    await tx
      .update(journalEntries)
      .set({ ...changes, version: row.version + 1, updatedAt: sql`now()` })
      .where(and(eq(journalEntries.id, id), eq(journalEntries.orgId, ctx.actor.orgId)));
    return readEntry({ ...ctx, db: tx }, id);
  });
}

export async function deleteEntry(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await loadOwnEntry(tx, ctx.actor, id);
    await tx.delete(journalEntries).where(eq(journalEntries.id, id));
  });
}

/** Shares with one community the author is an active facilitator or member of (replacing another). */
export async function shareEntry(ctx: ServiceContext, id: string, input: JournalShare) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadOwnEntry(tx, ctx.actor, id);
    const found = await membershipIn(tx, ctx.actor, input.communityId);
    if (!found || !canShareWith(found.membership, found.archived))
      throw invalid("communityId", "Choose a community you are a member or facilitator of.");
    if (row.shared_community_id === input.communityId) return readEntry({ ...ctx, db: tx }, id);
    await tx
      .update(journalEntries)
      .set({ sharedCommunityId: input.communityId, sharedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(journalEntries.id, id));
    // Only that it was shared, and with whom: never the entry's words.
    await recordAudit(tx, {
      orgId: ctx.actor.orgId,
      actorId: ctx.actor.id,
      action: "journal_entry.shared",
      subjectType: "community",
      subjectId: input.communityId,
      details: { name: found.name, entryId: id },
      ip: ctx.ip,
    });
    return readEntry({ ...ctx, db: tx }, id);
  });
}

export async function unshareEntry(ctx: ServiceContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadOwnEntry(tx, ctx.actor, id);
    if (!row.shared_community_id) return readEntry({ ...ctx, db: tx }, id);
    await tx
      .update(journalEntries)
      .set({ sharedCommunityId: null, sharedAt: null, updatedAt: sql`now()` })
      .where(eq(journalEntries.id, id));
    await recordAudit(tx, {
      orgId: ctx.actor.orgId,
      actorId: ctx.actor.id,
      action: "journal_entry.unshared",
      subjectType: "community",
      subjectId: row.shared_community_id,
      details: { name: row.shared_name, entryId: id },
      ip: ctx.ip,
    });
    return readEntry({ ...ctx, db: tx }, id);
  });
}

/** Where the author may share: communities they are an active facilitator or member of. */
export async function shareTargets(ctx: ServiceContext) {
  const result = await ctx.db.execute<{ id: string; name: string }>(sql`
    select c.id, c.name from memberships ms join communities c on c.id = ms.community_id
    where ms.person_id = ${ctx.actor.id} and c.org_id = ${ctx.actor.orgId} and ms.status = 'active'
      and ms.role in ('facilitator', 'member') and c.archived_at is null
    order by c.name, c.id`);
  return { items: result.rows };
}
