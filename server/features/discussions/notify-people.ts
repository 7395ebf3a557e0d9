import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { mentionedIds } from "../../lib/markdown.ts";
import { notify } from "../notifications/notify.ts";
import { readersAmong } from "./load.ts";

type Where = { threadId: string; threadTitle: string; communityId: string; communityName: string };

const dataOf = (ctx: ServiceContext, actorName: string, where: Where) => ({
  orgId: ctx.actor.orgId,
  actorId: ctx.actor.id,
  communityId: where.communityId,
  path: `/threads/${where.threadId}`,
  data: { actor: actorName, thread: where.threadTitle, community: where.communityName },
});

async function nameOf(db: Executor, personId: string): Promise<string> {
  const result = await db.execute<{ name: string }>(sql`select name from people where id = ${personId}`);
  return result.rows[0]?.name ?? "";
}

/**
 * Tells the people `body` mentions — and `before` did not — that they were mentioned, if they can read
 * the community (anyone else stays plain text). Returns who was told, so a reply does not tell them twice.
 */
export async function notifyMentions(
  ctx: ServiceContext,
  where: Where,
  body: string,
  before = "",
): Promise<string[]> {
  const already = new Set(mentionedIds(before));
  const added = mentionedIds(body).filter((id) => !already.has(id));
  const people = [...(await readersAmong(ctx.db, where.communityId, added)).keys()];
  if (people.length > 0)
    await notify(ctx.db, people, {
      kind: "mention",
      ...dataOf(ctx, await nameOf(ctx.db, ctx.actor.id), where),
    });
  return people;
}

/** Tells the thread's followers who can still read it about a reply (not the replier, not `except`). */
export async function notifyFollowers(ctx: ServiceContext, where: Where, except: string[]): Promise<void> {
  const result = await ctx.db.execute<{ person_id: string }>(
    sql`select person_id from thread_follows where thread_id = ${where.threadId}`,
  );
  const skip = new Set(except);
  const followers = result.rows.map((r) => r.person_id).filter((id) => !skip.has(id));
  const readers = [...(await readersAmong(ctx.db, where.communityId, followers)).keys()];
  if (readers.length > 0)
    await notify(ctx.db, readers, {
      kind: "reply",
      ...dataOf(ctx, await nameOf(ctx.db, ctx.actor.id), where),
    });
}

/** Starts following (idempotent). */
export async function follow(db: Executor, orgId: string, threadId: string, personId: string) {
  await db.execute(sql`
    insert into thread_follows (org_id, thread_id, person_id) values (${orgId}, ${threadId}, ${personId})
    on conflict do nothing`);
}
