import { eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { journalEntries } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../factories.ts";
import {
  type Actor,
  type CommunityTarget,
  idOf,
  ids,
  type Runnable,
  shared,
  spec,
  type Target,
  t,
} from "./matrix.ts";

/*
 * Personal journals (features/journals/policy.ts): an entry is its author's alone — administrators and
 * leaders included, 404 — until shared with a community; then that community's active members (any role)
 * read it, and still only the author changes, shares or deletes it.
 *
 * Rows for one entry: own = the caller's (anon: teacher8's); visible = teacher8's, shared with the
 * district-visible fixture community; toSomeoneElse = teacher8's, private; otherDistrict = a Lakeside
 * teacher's; nonexistent = a random id. Sharing: the caller's own entry with the row's community
 * (B = 400 on communityId: not a community they facilitate or are a member of).
 */

type Fx = { id: string; communityId: string; body: string; planted: boolean };

async function insertEntry(orgId: string, personId: string, sharedCommunityId: string | null = null) {
  const id = newId();
  const body = unique("Private thoughts");
  await t.db.insert(journalEntries).values({
    id,
    orgId,
    personId,
    body,
    title: body,
    writtenOn: "2026-09-15",
    sharedCommunityId,
    sharedAt: sharedCommunityId ? sql`now()` : null,
  });
  return { id, body };
}

const ownerOf = (a: Actor) => ({
  org: a.key === "oAdm" ? ids.lakeside : ids.riverside,
  person: a.id ?? ids.teacher8,
});

async function entry(target: Target, actor: Actor): Promise<Fx & { secret: string }> {
  const communityId = shared.visible.id;
  if (target === "nonexistent") {
    const body = unique("Nothing");
    return { id: newId(), communityId, body, planted: false, secret: body };
  }
  const made =
    target === "own"
      ? await insertEntry(ownerOf(actor).org, ownerOf(actor).person)
      : target === "visible"
        ? await insertEntry(ids.riverside, ids.teacher8, communityId)
        : target === "otherDistrict"
          ? await insertEntry(ids.lakeside, ids.lakeFacilitator)
          : await insertEntry(ids.riverside, ids.teacher8);
  return { ...made, communityId, planted: true, secret: made.body };
}

const row = async (id: string) =>
  (await t.db.select().from(journalEntries).where(eq(journalEntries.id, id)))[0];

/** Only the author changes an entry; everyone else, readers of a shared one included, gets 404. */
const authorOnly = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  own            Y    Y    Y    Y    Y    Y    Y    Y    Y    A
  visible        H    H    H    H    H    H    H    H    H    A
  toSomeoneElse  H    H    H    H    H    H    H    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    H    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

const everyone = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  district       Y    Y    Y    Y    Y    Y    Y    Y    Y    A`;

export const journalSpecs: Runnable[] = [
  spec<Fx>({
    routes: ["GET /api/v1/journal-entries"],
    grid: everyone,
    prepare: (_target, actor) => entry("own", actor),
    call: (a) => a.client.get("/api/v1/journal-entries?limit=100"),
    verify: (outcome, response, fx, actor) => {
      if (outcome !== "Y") return;
      const bodies = response.body.items.map((e: { body: string }) => e.body);
      expect(bodies).toContain(fx.body);
      expect(response.body.items.every((e: { author: { id: string } }) => e.author.id === actor.id)).toBe(
        true,
      );
    },
  }),
  spec<Fx>({
    routes: ["POST /api/v1/journal-entries"],
    grid: everyone,
    prepare: async () => {
      const body = unique("Written in the matrix");
      return { id: "", communityId: "", body, planted: false, secret: body };
    },
    call: (a, fx) => a.client.post("/api/v1/journal-entries", { body: fx.body }),
    changed: async (fx) =>
      (await t.db.select().from(journalEntries).where(eq(journalEntries.body, fx.body))).length === 1,
  }),
  spec<object>({
    routes: ["GET /api/v1/journal-entries/share-targets"],
    grid: everyone,
    prepare: async () => ({ secret: unique("x") }),
    call: (a) => a.client.get("/api/v1/journal-entries/share-targets"),
    verify: (outcome, response, _fx, actor) => {
      if (outcome !== "Y") return;
      const listed = response.body.items.map((c: { id: string }) => c.id).includes(shared.visible.id);
      expect(listed).toBe(actor.key === "fac" || actor.key === "mem");
    },
  }),
  spec<Fx>({
    routes: ["GET /api/v1/journal-entries/:id"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      own            Y    Y    Y    Y    Y    Y    Y    Y    Y    A
      visible        H    H    H    Y    Y    Y    Y    H    H    A
      toSomeoneElse  H    H    H    H    H    H    H    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    H    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: (target, actor) => entry(target, actor),
    call: (a, fx) => a.client.get(`/api/v1/journal-entries/${fx.id}`),
    verify: (outcome, response, fx, _actor, target) => {
      if (outcome !== "Y") return;
      expect(response.body.body).toBe(fx.body);
      expect(response.body.can.edit).toBe(target === "own");
    },
  }),
  spec<Fx>({
    routes: ["PATCH /api/v1/journal-entries/:id"],
    grid: authorOnly,
    prepare: (target, actor) => entry(target, actor),
    call: (a, fx) =>
      a.client.patch(`/api/v1/journal-entries/${fx.id}`, { version: 1, body: `${fx.body} edited` }),
    changed: async (fx) => (await row(fx.id))?.body === `${fx.body} edited`,
  }),
  spec<Fx>({
    routes: ["DELETE /api/v1/journal-entries/:id"],
    grid: authorOnly,
    prepare: (target, actor) => entry(target, actor),
    call: (a, fx) => a.client.delete(`/api/v1/journal-entries/${fx.id}`),
    changed: async (fx) => fx.planted && (await row(fx.id)) === undefined,
  }),
  spec<Fx>({
    routes: ["PUT /api/v1/journal-entries/:id/share"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        B    B    B    Y    Y    B    B    B    B    A
      private        B    B    B    Y    Y    B    B    B    B    A
      otherDistrict  B    B    B    B    B    B    B    B    B    A
      toSomeoneElse  H    H    H    H    H    H    H    H    H    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: async (target, actor) => {
      const fx = await entry(target === "toSomeoneElse" || target === "nonexistent" ? target : "own", actor);
      const communityId =
        target === "toSomeoneElse" || target === "nonexistent"
          ? shared.visible.id
          : shared[target as CommunityTarget].id;
      return { ...fx, communityId };
    },
    call: (a, fx) => a.client.put(`/api/v1/journal-entries/${fx.id}/share`, { communityId: fx.communityId }),
    changed: async (fx) => (await row(fx.id))?.sharedCommunityId === fx.communityId,
  }),
  spec<Fx>({
    routes: ["DELETE /api/v1/journal-entries/:id/share"],
    grid: authorOnly,
    prepare: async (target, actor) => {
      const fx = await entry(target, actor);
      // Every planted entry starts shared, so "changed" means someone unshared it.
      await t.db
        .update(journalEntries)
        .set({ sharedCommunityId: shared.visible.id, sharedAt: sql`now()` })
        .where(eq(journalEntries.id, fx.id));
      return fx;
    },
    call: (a, fx) => a.client.delete(`/api/v1/journal-entries/${fx.id}/share`),
    changed: async (fx) => {
      const r = await row(fx.id);
      return r !== undefined && r.sharedCommunityId === null;
    },
  }),
  spec<Fx>({
    routes: ["GET /api/v1/communities/:id/journal-entries"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        N    N    N    L    L    L    L    N    H    A
      private        N    N    H    L    L    L    L    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    N    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: async (target) => {
      if (target === "nonexistent") {
        const body = unique("Nothing");
        return { id: newId(), communityId: newId(), body, planted: false, secret: body };
      }
      const community = shared[target as CommunityTarget];
      const lake = target === "otherDistrict";
      const made = await insertEntry(
        lake ? ids.lakeside : ids.riverside,
        lake ? ids.lakeFacilitator : idOf("mem"),
        community.id,
      );
      return { ...made, communityId: community.id, planted: true, secret: made.body };
    },
    call: (a, fx) => a.client.get(`/api/v1/communities/${fx.communityId}/journal-entries?limit=100`),
    verify: (outcome, response, fx) => {
      if (outcome !== "L" && outcome !== "N") return;
      const bodies = response.body.items.map((e: { body: string }) => e.body);
      if (outcome === "L") expect(bodies).toContain(fx.body);
      else expect(bodies).toEqual([]);
    },
  }),
];
