import { sql } from "drizzle-orm";
import type { Administration, ClosingInput } from "../../../shared/schemas/survey-administrations.ts";
import type { Executor } from "../../db/client.ts";
import { conflict, forbidden, invalid } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { recordAudit } from "../audit/record.ts";
import { describeTime } from "../meetings/overlap.ts";
import { notify } from "../notifications/notify.ts";
import { type AdministrationRow, loadAdministration, statusOf } from "./load.ts";
import { canManageAdministration } from "./policy.ts";
import { notAnswered } from "./recipients.ts";
import { readAdministration } from "./service.ts";
import { unlinkIfClosed } from "./unlink.ts";

/*
 * What a sender (or an administrator) changes on a sent survey: closing it now, moving its closing date,
 * reminding those who have not answered. Each in one transaction, under the administration's row lock.
 */

async function loadManaged(ctx: ServiceContext, id: string) {
  const loaded = await loadAdministration(ctx.db, ctx.actor, id, true);
  if (!canManageAdministration(loaded.access))
    throw forbidden("Only the person who sent this survey (or an administrator) can change it.");
  return loaded;
}

const stale = () =>
  conflict("Someone changed this survey since you opened it. Reload to see the latest, then try again.");

async function timeZoneOf(db: Executor, personId: string) {
  const r = await db.execute<{ time_zone: string }>(sql`select time_zone from people where id = ${personId}`);
  return r.rows[0]?.time_zone ?? "UTC";
}

export async function closeNow(ctx: ServiceContext, id: string, version: number): Promise<Administration> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const { row } = await loadManaged(c, id);
    if (statusOf(row) === "closed") throw conflict("This survey has already closed.");
    if (row.version !== version) throw stale();
    // An upcoming survey closed before it opened: its opening moves back so the dates stay in order.
    await tx.execute(sql`
      update survey_administrations set closed_early_at = now(), closes_at = now(),
        opens_at = least(opens_at, now() - interval '1 second'), version = version + 1, updated_at = now()
      where id = ${id}`);
    await recordAudit(tx, {
      orgId: ctx.actor.orgId,
      actorId: ctx.actor.id,
      action: "survey_administration.closed",
      subjectType: "survey_administration",
      subjectId: id,
      details: { title: row.title, submitted: row.submitted, recipients: row.recipients },
      ip: ctx.ip,
    });
    if (row.anonymous) await unlinkIfClosed(tx, id);
    return readAdministration(c, id);
  });
}

export async function changeClosing(
  ctx: ServiceContext,
  id: string,
  input: ClosingInput,
): Promise<Administration> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const { row } = await loadManaged(c, id);
    if (statusOf(row) === "closed")
      throw conflict("This survey has closed: its closing date can no longer change.");
    if (row.version !== input.version) throw stale();
    const closesAt = new Date(input.closesAt);
    if (closesAt <= new Date()) throw invalid("closesAt", "Choose a closing time in the future.");
    if (closesAt <= new Date(row.opens_at))
      throw invalid("closesAt", "Choose a closing time after the opening.");
    await tx.execute(sql`
      update survey_administrations set closes_at = ${closesAt.toISOString()}, version = version + 1,
        updated_at = now()
      where id = ${id}`);
    return readAdministration(c, id);
  });
}

/** In-app reminders to recipients who have not submitted; their sender is never reminded of their own. */
export async function sendReminders(
  db: Executor,
  row: Pick<AdministrationRow, "id" | "title" | "created_by" | "community_id">,
  orgId: string,
) {
  return notify(db, await notAnswered(db, row.id), {
    orgId,
    kind: "survey_reminder",
    actorId: row.created_by,
    communityId: row.community_id,
    path: `/survey-responses/${row.id}`,
    data: { title: row.title },
  });
}

/** "Remind those who haven't answered": at most once per 24 hours, counting the automatic reminder. */
export async function remind(ctx: ServiceContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    const { row } = await loadManaged({ ...ctx, db: tx }, id);
    if (statusOf(row) !== "open") throw conflict("Reminders go out only while the survey is open.");
    const updated = await tx.execute<{ reminded_at: Date | string }>(sql`
      update survey_administrations set reminded_at = now(), updated_at = now()
      where id = ${id} and (reminded_at is null or reminded_at <= now() - interval '24 hours')
      returning reminded_at`);
    const remindedAt = updated.rows[0]?.reminded_at;
    if (!remindedAt) {
      const last = new Date(row.reminded_at ?? Date.now());
      const zone = await timeZoneOf(tx, ctx.actor.id);
      const next = new Date(last.getTime() + 24 * 60 * 60_000);
      throw conflict(
        `A reminder already went out on ${describeTime(last, zone)}. You can remind again from ${describeTime(next, zone)}.`,
      );
    }
    const reminded = await sendReminders(tx, row, ctx.actor.orgId);
    return { reminded, remindedAt: new Date(remindedAt).toISOString() };
  });
}
