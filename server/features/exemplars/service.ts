import { sql } from "drizzle-orm";
import type { ArtifactExemplar, NominationInput, ReviewInput } from "../../../shared/schemas/exemplars.ts";
import type { Executor } from "../../db/client.ts";
import { conflict, forbidden, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { loadArtifactAccess } from "../artifacts/access.ts";
import { canNominate, canReviewExemplar } from "../artifacts/policy.ts";
import { recordAudit } from "../audit/record.ts";
import { notify } from "../notifications/notify.ts";
import { type ExemplarRow, presentExemplar, queryExemplars } from "./load.ts";
import { canReview, canWithdraw, exemplarCan } from "./policy.ts";

const open = sql`e.status in ('nominated', 'approved')`;

/** The artifact's open nomination or approval, and what the caller may do about it. */
export async function artifactExemplar(ctx: ServiceContext, artifactId: string): Promise<ArtifactExemplar> {
  const { head, access } = await loadArtifactAccess(ctx.db, ctx.actor, artifactId);
  const [row] = await queryExemplars(ctx.db, ctx.actor.orgId, sql`e.artifact_id = ${artifactId} and ${open}`);
  const [declined] = row
    ? []
    : await queryExemplars(
        ctx.db,
        ctx.actor.orgId,
        sql`e.artifact_id = ${artifactId} and e.status = 'declined'`,
        {
          orderBy: sql`e.reviewed_at desc`,
          limit: 1,
        },
      );
  // The curator's note on a declined nomination is for the people it concerns, not every reader.
  const concerned =
    declined &&
    (declined.nominated_by === ctx.actor.id ||
      declined.owner_id === ctx.actor.id ||
      canReviewExemplar(access));
  return {
    artifactId,
    artifactTitle: head.title,
    exemplar: row ? presentExemplar(row) : null,
    lastDeclined: concerned ? presentExemplar(declined) : null,
    can: exemplarCan(access, row ?? null),
  };
}

/** Nominates the artifact's current version; its community's facilitators hear of it. */
export async function nominate(ctx: ServiceContext, artifactId: string, input: NominationInput) {
  const { actor, db } = ctx;
  // The lock on the artifact serialises two nominations of it; the unique index backs that up.
  const { head, access } = await loadArtifactAccess(db, actor, artifactId, true);
  if (!head.community_id)
    throw forbidden("Your own copy cannot be nominated; nominate the work in its community.");
  if (!canNominate(access))
    throw forbidden("Only the community's members, facilitators and leaders can nominate exemplars.");
  const [existing] = await queryExemplars(db, actor.orgId, sql`e.artifact_id = ${artifactId} and ${open}`);
  if (existing) throw alreadyOpen(existing);
  const id = newId();
  await db.execute(sql`
    insert into exemplars (id, org_id, artifact_id, version_number, note, nominated_by)
    values (${id}, ${actor.orgId}, ${artifactId}, ${head.current_version}, ${input.note}, ${actor.id})`);
  const facilitators = await db.execute<{ person_id: string }>(sql`
    select person_id from memberships
    where community_id = ${head.community_id} and role = 'facilitator' and status = 'active'`);
  await notify(
    db,
    facilitators.rows.map((r) => r.person_id),
    {
      orgId: actor.orgId,
      kind: "exemplar",
      actorId: actor.id,
      communityId: head.community_id,
      path: `/artifacts/${artifactId}`,
      data: { event: "nominated", title: head.title },
    },
  );
  return presentExemplar(await loadOne(db, actor.orgId, id));
}

function alreadyOpen(row: ExemplarRow) {
  return conflict(
    row.status === "approved"
      ? "This work is already an approved exemplar."
      : `This work is already nominated as an exemplar (by ${row.nominator_name}); it is waiting for review.`,
  );
}

/** Approves or declines a nomination; approval marks work without student work shareable. */
export async function review(
  ctx: ServiceContext,
  exemplarId: string,
  decision: "approved" | "declined",
  input: ReviewInput,
) {
  return ctx.db.transaction(async (tx) => {
    const { row, access } = await loadForChange(tx, ctx, exemplarId);
    if (!canReviewExemplar(access))
      throw forbidden("Only the community's facilitators and leaders can review exemplars.");
    if (!canReview(access, row))
      throw forbidden("Someone other than the nominator and the work's owner reviews this nomination.");
    if (row.status !== "nominated") throw conflict(`This nomination was already ${row.status}.`);
    const shareable = decision === "approved" && !row.contains_student_work;
    await tx.execute(sql`
      update exemplars set status = ${decision}, reviewed_by = ${ctx.actor.id}, reviewed_at = now(),
        review_note = ${input.note}, shareable = ${shareable}, updated_at = now()
      where id = ${exemplarId}`);
    await notify(tx, [row.owner_id, row.nominated_by], {
      orgId: ctx.actor.orgId,
      kind: "exemplar",
      actorId: ctx.actor.id,
      communityId: row.community_id,
      path: `/artifacts/${row.artifact_id}`,
      data: { event: decision, title: row.title },
    });
    await recordAudit(tx, {
      orgId: ctx.actor.orgId,
      actorId: ctx.actor.id,
      action: decision === "approved" ? "exemplar.approved" : "exemplar.declined",
      subjectType: "exemplar",
      subjectId: exemplarId,
      details: { title: row.title, artifactId: row.artifact_id, shareable },
      ip: ctx.ip,
    });
    return presentExemplar(await loadOne(tx, ctx.actor.orgId, exemplarId));
  });
}

/** The nominator or owner takes a nomination (or an approved exemplar) back. */
export async function withdraw(ctx: ServiceContext, exemplarId: string) {
  return ctx.db.transaction(async (tx) => {
    const { row } = await loadForChange(tx, ctx, exemplarId);
    if (!canWithdraw(ctx.actor, row)) {
      if (row.nominated_by === ctx.actor.id || row.owner_id === ctx.actor.id)
        throw conflict(`This nomination was already ${row.status}.`);
      throw forbidden("Only the person who nominated the work and its owner can withdraw it.");
    }
    await tx.execute(
      sql`update exemplars set status = 'withdrawn', updated_at = now() where id = ${exemplarId}`,
    );
    return presentExemplar(await loadOne(tx, ctx.actor.orgId, exemplarId));
  });
}

/** Locks the nomination and checks the artifact is the caller's to see (404 otherwise). */
async function loadForChange(tx: Executor, ctx: ServiceContext, exemplarId: string) {
  const [row] = await queryExemplars(tx, ctx.actor.orgId, sql`e.id = ${exemplarId}`, { forUpdate: true });
  if (!row) throw notFound("This exemplar");
  const { access } = await loadArtifactAccess(tx, ctx.actor, row.artifact_id);
  return { row, access };
}

async function loadOne(db: Executor, orgId: string, id: string): Promise<ExemplarRow> {
  const [row] = await queryExemplars(db, orgId, sql`e.id = ${id}`);
  if (!row) throw notFound("This exemplar");
  return row;
}
