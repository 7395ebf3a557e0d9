import { and, eq, isNull, sql } from "drizzle-orm";
import { type FeedbackInput, type FeedbackList, isQuestionKind } from "../../../shared/schemas/feedback.ts";
import { feedbackKinds } from "../../../shared/schemas/work-enums.ts";
import type { Executor } from "../../db/client.ts";
import { artifactFeedback } from "../../db/schema/index.ts";
import { forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { loadArtifactAccess } from "../artifacts/access.ts";
import { type ArtifactAccess, canGiveFeedback } from "../artifacts/policy.ts";
import { notify } from "../notifications/notify.ts";
import { meetingFeedback, presentFeedback, queryFeedback } from "./load.ts";
import { canAnswerFeedback, canWithdrawFeedback } from "./policy.ts";

/** What feedback on this artifact may be: its rubric, and whether its community allows anonymity. */
async function feedbackSettings(db: Executor, artifactId: string) {
  const result = await db.execute<{ rubric_criteria: string[]; anonymous_feedback: boolean | null }>(sql`
    select a.rubric_criteria, c.anonymous_feedback
    from artifacts a left join communities c on c.id = a.community_id
    where a.id = ${artifactId}`);
  const row = result.rows[0];
  return { rubricCriteria: row?.rubric_criteria ?? [], anonymousAllowed: row?.anonymous_feedback === true };
}

const kindOrder = (kind: string) => feedbackKinds.indexOf(kind as (typeof feedbackKinds)[number]);

/**
 * Partners read what was said in a meeting only if they were in the room (the minutes' rule), so the
 * cards of live protocol runs are limited to the meetings they attended.
 */
const isPartnerViewer = (a: ArtifactAccess) =>
  a.actor.orgRole === "partner" ||
  (a.community?.membership?.status === "active" && a.community.membership.role === "partner");

/** All feedback on an artifact, for anyone who may read it, with what the caller may do. */
export async function listFeedback(
  ctx: ServiceContext,
  artifactId: string,
  query: { order: "newest" | "kind" },
): Promise<FeedbackList> {
  const { head, access } = await loadArtifactAccess(ctx.db, ctx.actor, artifactId);
  const answer = canAnswerFeedback(access);
  const [rows, meetings, settings] = await Promise.all([
    queryFeedback(ctx.db, ctx.actor.orgId, { artifactId }),
    meetingFeedback(ctx.db, ctx.actor.orgId, artifactId, isPartnerViewer(access) ? ctx.actor.id : null),
    feedbackSettings(ctx.db, artifactId),
  ]);
  // Newest first already; grouping by form is a stable sort on top of it.
  const ordered =
    query.order === "kind" ? [...rows].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind)) : rows;
  return {
    artifactId,
    currentVersion: head.current_version,
    items: ordered.map((row) => presentFeedback(ctx.actor, row, answer)),
    meetings,
    forms: [...feedbackKinds],
    anonymousAllowed: settings.anonymousAllowed,
    rubricCriteria: settings.rubricCriteria,
    can: { give: canGiveFeedback(access), answer },
  };
}

/**
 * Gives feedback on the artifact's current version and notifies its presenter, in the caller's
 * transaction (an idempotent create). Anonymous feedback notifies without naming anyone.
 */
export async function giveFeedback(ctx: ServiceContext, artifactId: string, input: FeedbackInput) {
  const { head, access } = await loadArtifactAccess(ctx.db, ctx.actor, artifactId, true);
  if (!canGiveFeedback(access)) throw forbidden(whyNoFeedback(access));
  const settings = await feedbackSettings(ctx.db, artifactId);
  if (input.anonymous && !settings.anonymousAllowed)
    throw invalid("anonymous", "This community does not allow anonymous feedback; give it with your name.");
  if (input.rubricCriterion !== null && !settings.rubricCriteria.includes(input.rubricCriterion))
    throw invalid("rubricCriterion", "Choose one of this work's rubric criteria, or none.");
  const id = newId();
  await ctx.db.insert(artifactFeedback).values({
    id,
    orgId: ctx.actor.orgId,
    artifactId,
    versionNumber: head.current_version,
    kind: input.kind,
    body: input.body,
    authorId: ctx.actor.id,
    anonymous: input.anonymous,
    rubricCriterion: input.rubricCriterion,
  });
  await notify(ctx.db, [head.owner_id], {
    orgId: ctx.actor.orgId,
    kind: "feedback",
    // The anonymous author is skipped through exceptId, so their id is never stored on the notification.
    actorId: input.anonymous ? null : ctx.actor.id,
    exceptId: input.anonymous ? ctx.actor.id : undefined,
    communityId: head.community_id,
    path: `/artifacts/${artifactId}#feedback`,
    data: {
      artifactTitle: head.title,
      feedbackKind: input.kind,
      ...(input.anonymous ? {} : { authorName: await nameOf(ctx.db, ctx.actor.id) }),
    },
  });
  return loadOne(ctx, id, canAnswerFeedback(access));
}

/** Why feedback is refused, in words that say what is going on. */
function whyNoFeedback(access: ArtifactAccess): string {
  if (access.actor.id === access.ownerId)
    return "This is your own work: your colleagues give the feedback, and you answer their questions.";
  if (access.archived || access.community?.archived)
    return "This work is archived, so feedback on it is closed.";
  return "Only the community's members, partners, facilitators and leaders give feedback on its work.";
}

async function nameOf(db: Executor, personId: string) {
  const result = await db.execute<{ name: string }>(sql`select name from people where id = ${personId}`);
  return result.rows[0]?.name ?? "";
}

async function loadOne(ctx: ServiceContext, id: string, canAnswer: boolean) {
  const [row] = await queryFeedback(ctx.db, ctx.actor.orgId, { feedbackId: id });
  if (!row) throw notFound("This feedback");
  return presentFeedback(ctx.actor, row, canAnswer);
}

/** The feedback item and the actor's access to its artifact, or 404 (also when withdrawn). */
async function loadForChange(ctx: ServiceContext, feedbackId: string) {
  const [row] = await queryFeedback(ctx.db, ctx.actor.orgId, { feedbackId });
  if (!row) throw notFound("This feedback");
  const loaded = await loadArtifactAccess(ctx.db, ctx.actor, row.artifact_id, true);
  return { row, ...loaded };
}

/** The presenter answers a clarifying or probing question (again, to change the answer). */
export async function answerFeedback(ctx: ServiceContext, feedbackId: string, answer: string) {
  return ctx.db.transaction(async (tx) => {
    const inner = { ...ctx, db: tx };
    const { row, head, access } = await loadForChange(inner, feedbackId);
    if (!canAnswerFeedback(access))
      throw forbidden("Only the presenter of this work answers the questions on it.");
    if (!isQuestionKind(row.kind))
      throw invalid("answer", "Only clarifying and probing questions get an answer; this is feedback.");
    await tx
      .update(artifactFeedback)
      .set({ answer, answeredAt: sql`now()` })
      .where(and(eq(artifactFeedback.id, feedbackId), isNull(artifactFeedback.withdrawnAt)));
    // The one who asked hears of the first answer (a changed answer is not news worth a bell).
    if (row.answer === null)
      await notify(tx, [row.author_id], {
        orgId: ctx.actor.orgId,
        kind: "feedback",
        actorId: ctx.actor.id,
        communityId: head.community_id,
        path: `/artifacts/${head.id}#feedback`,
        data: { artifactTitle: head.title, feedbackKind: row.kind, answered: "true" },
      });
    return loadOne(inner, feedbackId, true);
  });
}

/** The author takes their feedback back; it is kept (withdrawn_at) but no longer listed. */
export async function withdrawFeedback(ctx: ServiceContext, feedbackId: string) {
  await ctx.db.transaction(async (tx) => {
    const { row, access } = await loadForChange({ ...ctx, db: tx }, feedbackId);
    if (!canWithdrawFeedback(access, row.author_id))
      throw forbidden("Only the person who gave this feedback can withdraw it.");
    await tx
      .update(artifactFeedback)
      .set({ withdrawnAt: sql`now()` })
      .where(eq(artifactFeedback.id, feedbackId));
  });
}
