import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { newId } from "../../lib/ids.ts";
import { createNotification } from "../exemplar-factories.ts";
import { type Actor, idOf, ids, type Runnable, spec, type Target, t } from "./matrix.ts";

/*
 * Notifications are only ever the caller's own: lists and counts show nobody else's, and another
 * person's notification — in the district or not — answers 404 as if it did not exist.
 */
const everyone = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  district       Y    Y    Y    Y    Y    Y    Y    Y    Y    A`;

const orgOf = (actor: Actor) => (actor.key === "oAdm" ? ids.lakeside : ids.riverside);

/** One unread notification for the caller and one for somebody else. */
async function mineAndTheirs(_target: Target, actor: Actor) {
  const mine = actor.id ? await createNotification(t.db, { orgId: orgOf(actor), personId: actor.id }) : null;
  const theirs = await createNotification(t.db, { orgId: ids.riverside, personId: ids.teacher8 });
  return { mine, theirs, secret: theirs.title };
}
type Pair = Awaited<ReturnType<typeof mineAndTheirs>>;

const unreadOf = async (personId: string) =>
  (
    await t.db.execute<{ n: number }>(sql`
      select count(*)::int as n from notifications where person_id = ${personId} and read_at is null`)
  ).rows[0]?.n ?? 0;

type One = { id: string; personId: string };

export const notificationSpecs: Runnable[] = [
  spec<Pair>({
    routes: ["GET /api/v1/notifications"],
    grid: everyone,
    prepare: mineAndTheirs,
    call: (a) => a.client.get("/api/v1/notifications?limit=100"),
    verify: (outcome, response, fx) => {
      if (outcome !== "Y") return;
      const titles = response.body.items.map((n: { data: { title: string } }) => n.data.title);
      expect(titles).toContain(fx.mine?.title);
      expect(titles).not.toContain(fx.theirs.title);
    },
  }),
  spec<Pair>({
    routes: ["GET /api/v1/notifications/unread-count"],
    grid: everyone,
    prepare: mineAndTheirs,
    call: (a) => a.client.get("/api/v1/notifications/unread-count"),
    verify: async (outcome, response, _fx, actor) => {
      if (outcome === "Y") expect(response.body.unread).toBe(await unreadOf(actor.id ?? ""));
    },
  }),
  spec<One>({
    routes: ["POST /api/v1/notifications/:id/read"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      toMe           Y    Y    Y    Y    Y    Y    Y    Y    Y    .
      toSomeoneElse  H    H    H    H    H    H    H    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    H    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: async (target, actor) => {
      if (target === "nonexistent") return { id: newId(), personId: newId(), secret: "nothing" };
      const personId =
        target === "toMe"
          ? (actor.id ?? "")
          : target === "otherDistrict"
            ? actor.key === "oAdm"
              ? ids.teacher8
              : ids.lakeFacilitator
            : actor.key === "oAdm"
              ? ids.lakeFacilitator
              : ids.teacher8;
      const orgId = personId === ids.lakeFacilitator || (target === "toMe" && actor.key === "oAdm");
      const made = await createNotification(t.db, { orgId: orgId ? ids.lakeside : ids.riverside, personId });
      return { id: made.id, personId, secret: made.title };
    },
    call: (a, fx) => a.client.post(`/api/v1/notifications/${fx.id}/read`, {}),
    changed: async (fx) =>
      (await t.db.execute(sql`select 1 from notifications where id = ${fx.id} and read_at is not null`)).rows
        .length === 1,
  }),
  spec<Pair>({
    routes: ["POST /api/v1/notifications/read-all"],
    grid: everyone,
    prepare: mineAndTheirs,
    call: (a) => a.client.post("/api/v1/notifications/read-all", {}),
    verify: async (outcome, _response, _fx, actor) => {
      if (outcome !== "Y") return;
      expect(await unreadOf(actor.id ?? "")).toBe(0);
      // Somebody else's stay unread.
      expect(await unreadOf(ids.teacher8)).toBeGreaterThan(0);
    },
  }),
  spec<object>({
    routes: ["GET /api/v1/notifications/mutes"],
    grid: everyone,
    prepare: async () => ({ secret: "nothing" }),
    call: (a) => a.client.get("/api/v1/notifications/mutes"),
    verify: (outcome, response) => {
      if (outcome === "Y") expect(response.body.muted).toBeInstanceOf(Array);
    },
  }),
  spec<object>({
    routes: ["PUT /api/v1/notifications/mutes"],
    grid: everyone,
    prepare: async () => ({ secret: "nothing" }),
    call: (a) => a.client.put("/api/v1/notifications/mutes", { muted: ["exemplar"] }),
    verify: async (outcome, response, _fx, actor) => {
      if (outcome !== "Y") return;
      expect(response.body.muted).toEqual(["exemplar"]);
      const rows = await t.db.execute(
        sql`select kind from notification_mutes where person_id = ${idOf(actor.key)}`,
      );
      expect(rows.rows).toEqual([{ kind: "exemplar" }]);
      // Puts the cast back as it was, so later specs' notifications reach them.
      await actor.client.put("/api/v1/notifications/mutes", { muted: [] });
    },
  }),
];
