import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { artifactFeedback } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { allowAnonymousFeedback, createArtifact } from "../artifact-factories.ts";
import { unique } from "../factories.ts";
import {
  type Actor,
  type CommunityTarget,
  idOf,
  ids,
  manage,
  type Runnable,
  shared,
  spec,
  type Target,
  t,
} from "./matrix.ts";

/*
 * Feedback on artifacts. The fixture is a fresh artifact in the target's shared community, presented by
 * the member (in Lakeside by its administrator, oAdm), with a clarifying question from the facilitator
 * (in Lakeside from its facilitator) and an anonymous warm note from the partner. The secret the answer
 * must never name is the artifact's title. Whoever may read the community reads the artifact (no
 * student work here; partners and student work are tested in features/feedback).
 */
const readers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    Y    Y    Y    Y    Y    Y    H    A
  private        Y    Y    H    Y    Y    Y    Y    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

/** Colleagues in the community and its leaders give feedback; never the presenter (mem, oAdm) or observers. */
const givers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    F    Y    F    Y    F    F    H    A
  private        Y    Y    H    Y    F    Y    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    F    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

/** Only the presenter answers the questions on their work. */
const presenter = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        F    F    F    F    Y    F    F    F    H    A
  private        F    F    H    F    Y    F    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

/** Only the one who gave it withdraws it: the facilitator's question (in Lakeside, its facilitator's). */
const author = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        F    F    F    Y    F    F    F    F    H    A
  private        F    F    H    Y    F    F    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    F    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

type FeedbackFx = {
  artifactId: string;
  title: string;
  questionId: string;
  anonymousId: string;
  anonymousAuthorId: string;
  secret: string;
};

const personOf = (side: "riverside" | "lakeside", who: "owner" | "facilitator" | "partner") => {
  if (side === "lakeside")
    return who === "owner" ? idOf("oAdm") : who === "facilitator" ? ids.lakeFacilitator : ids.lakeMember;
  return who === "owner" ? idOf("mem") : who === "facilitator" ? idOf("fac") : idOf("par");
};

async function artifactIn(target: Target, _actor: Actor): Promise<FeedbackFx> {
  const title = unique("Matrix work sample");
  if (target === "nonexistent")
    return {
      artifactId: newId(),
      title,
      questionId: newId(),
      anonymousId: newId(),
      anonymousAuthorId: "",
      secret: title,
    };
  const side = target === "otherDistrict" ? "lakeside" : "riverside";
  const community = shared[target as CommunityTarget];
  await allowAnonymousFeedback(t.db, community.id);
  const orgId = ids[side];
  const artifact = await createArtifact(t.db, {
    orgId,
    communityId: community.id,
    ownerId: personOf(side, "owner"),
    title,
  });
  const base = { orgId, artifactId: artifact.id, versionNumber: 1 };
  const questionId = newId();
  const anonymousId = newId();
  const anonymousAuthorId = personOf(side, "partner");
  await t.db.insert(artifactFeedback).values([
    {
      ...base,
      id: questionId,
      kind: "clarifying",
      body: "How long does it take?",
      authorId: personOf(side, "facilitator"),
    },
    {
      ...base,
      id: anonymousId,
      kind: "warm",
      body: "Anonymous praise.",
      authorId: anonymousAuthorId,
      anonymous: true,
    },
  ]);
  return { artifactId: artifact.id, title, questionId, anonymousId, anonymousAuthorId, secret: title };
}

const feedbackUrl = (fx: FeedbackFx) => `/api/v1/artifacts/${fx.artifactId}/feedback`;
const rowOf = async (id: string) =>
  (await t.db.select().from(artifactFeedback).where(eq(artifactFeedback.id, id)))[0];

export const feedbackSpecs: Runnable[] = [
  spec<FeedbackFx>({
    routes: ["GET /api/v1/artifacts/:id/feedback"],
    grid: readers,
    prepare: artifactIn,
    call: (a, fx) => a.client.get(feedbackUrl(fx)),
    verify: (outcome, { body }, fx, actor) => {
      if (outcome !== "Y") return;
      expect(body.items.map((i: { id: string }) => i.id).sort()).toEqual(
        [fx.questionId, fx.anonymousId].sort(),
      );
      // The anonymous author is never named, not even to themselves (they see only `mine`).
      expect(JSON.stringify(body)).not.toContain(fx.anonymousAuthorId);
      const anonymous = body.items.find((i: { id: string }) => i.id === fx.anonymousId);
      expect(anonymous.mine).toBe(actor.id === fx.anonymousAuthorId);
    },
  }),
  spec<FeedbackFx>({
    routes: ["POST /api/v1/artifacts/:id/feedback"],
    grid: givers,
    prepare: artifactIn,
    call: (a, fx) => a.client.post(feedbackUrl(fx), { kind: "wonder", body: "I wonder, says the matrix." }),
    changed: async (fx) =>
      (
        await t.db
          .select()
          .from(artifactFeedback)
          .where(and(eq(artifactFeedback.artifactId, fx.artifactId), eq(artifactFeedback.kind, "wonder")))
      ).length === 1,
  }),
  spec<FeedbackFx>({
    routes: ["PUT /api/v1/feedback/:id/answer"],
    grid: presenter,
    prepare: artifactIn,
    call: (a, fx) => a.client.put(`/api/v1/feedback/${fx.questionId}/answer`, { answer: "Twenty minutes." }),
    changed: async (fx) => (await rowOf(fx.questionId))?.answer === "Twenty minutes.",
  }),
  spec<FeedbackFx>({
    routes: ["DELETE /api/v1/feedback/:id"],
    grid: author,
    prepare: artifactIn,
    call: (a, fx) => a.client.delete(`/api/v1/feedback/${fx.questionId}`),
    changed: async (fx) => (await rowOf(fx.questionId))?.withdrawnAt != null,
  }),
  spec<FeedbackFx & { communityId: string }>({
    routes: ["GET /api/v1/communities/:id/artifact-choices"],
    grid: manage,
    prepare: async (target, actor) => {
      const fx = await artifactIn(target, actor);
      const communityId = target === "nonexistent" ? newId() : shared[target as CommunityTarget].id;
      return { ...fx, communityId };
    },
    call: (a, fx) => a.client.get(`/api/v1/communities/${fx.communityId}/artifact-choices`),
    verify: (outcome, { body }, fx) => {
      if (outcome === "Y") expect(body.items).toContainEqual({ id: fx.artifactId, title: fx.title });
    },
  }),
];
