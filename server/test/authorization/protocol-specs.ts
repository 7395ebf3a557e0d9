import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { calendarFeeds, memberships, protocols, protocolVersions } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../factories.ts";
import { createProtocol, testProtocol } from "../meeting-factories.ts";
import { type Actor, ids, type Runnable, spec, type Target, t } from "./matrix.ts";

/*
 * The protocol library and calendar subscriptions: district-level things. `own` is a protocol of
 * Riverside written by its administrator, `otherDistrict` one of Lakeside. Everyone of a district reads
 * its library (partners too: protocols hold nothing sensitive); writing one is for administrators, school
 * leaders and anyone who facilitates a community; changing a district protocol is for its administrators
 * and its author.
 */
type ProtocolFx = { id: string; versionId: string; name: string; secret: string };

async function protocolOf(target: Target): Promise<ProtocolFx> {
  const name = unique("Matrix protocol");
  if (target === "nonexistent") return { id: newId(), versionId: newId(), name, secret: name };
  const orgId = target === "otherDistrict" ? ids.lakeside : ids.riverside;
  const made = await createProtocol(t.db, orgId, { ...testProtocol, name });
  return { id: made.protocolId, versionId: made.versionId, name, secret: name };
}
async function facilitatingNothing(actor: Actor): Promise<void> {
  if (!actor.id || !["mem", "obs", "out"].includes(actor.key)) return;
  await t.db
    .update(memberships)
    .set({ role: "member" })
    .where(and(eq(memberships.personId, actor.id), eq(memberships.role, "facilitator")));
}
const protocolRow = async (id: string) =>
  (await t.db.select().from(protocols).where(eq(protocols.id, id)))[0];
const p = (fx: ProtocolFx, path = "") => `/api/v1/protocols/${fx.id}${path}`;

const readers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  own            Y    Y    Y    Y    Y    Y    Y    Y    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;
const itsAdmins = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  own            Y    F    F    F    F    F    F    F    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;
/**
 * Who may write protocols: administrators, school leaders and anyone who facilitates a community. Other
 * cells of the matrix make people facilitators (whoever creates a community facilitates it), so these
 * cells first make sure mem, obs and out facilitate nothing — the precondition their F stands for.
 */
const writers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  own            Y    Y    Y    Y    F    F    F    F    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

const protocolSpecs: Runnable[] = [
  spec<ProtocolFx>({
    routes: ["GET /api/v1/protocols"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      own            L    L    L    L    L    L    L    L    N    A
      otherDistrict  N    N    N    N    N    N    N    N    L    A`,
    prepare: protocolOf,
    call: (a, fx) => a.client.get(`/api/v1/protocols?q=${encodeURIComponent(fx.name)}`),
    verify: (outcome, { body }, fx) => {
      if (outcome === "A") return;
      const names = body.items.map((i: { name: string }) => i.name);
      if (outcome === "L") expect(names).toEqual([fx.name]);
      if (outcome === "N") expect(names).toEqual([]);
    },
  }),
  spec<ProtocolFx & { before: number }>({
    routes: ["POST /api/v1/protocols"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      district       Y    Y    Y    Y    F    F    F    F    Y    A`,
    prepare: async (_target, actor) => {
      await facilitatingNothing(actor);
      const name = unique("Matrix new protocol");
      return { id: "", versionId: "", name, secret: name, before: 0 };
    },
    call: (a, fx) => a.client.post("/api/v1/protocols", { ...testProtocol, name: fx.name }),
    changed: async (fx) =>
      (await t.db.select().from(protocols).where(eq(protocols.name, fx.name))).length === 1,
  }),
  spec<ProtocolFx>({
    routes: ["GET /api/v1/protocols/:id"],
    grid: readers,
    prepare: protocolOf,
    call: (a, fx) => a.client.get(p(fx)),
    verify: (outcome, { body }, fx) => {
      if (outcome === "Y") expect(body.definition.name).toBe(fx.name);
    },
  }),
  spec<ProtocolFx>({
    routes: ["GET /api/v1/protocols/:id/versions/:versionId"],
    grid: readers,
    prepare: protocolOf,
    call: (a, fx) => a.client.get(p(fx, `/versions/${fx.versionId}`)),
    verify: (outcome, { body }, fx) => {
      if (outcome === "Y") expect(body.definition.name).toBe(fx.name);
    },
  }),
  spec<ProtocolFx>({
    routes: ["PUT /api/v1/protocols/:id"],
    grid: itsAdmins,
    prepare: protocolOf,
    call: (a, fx) => a.client.put(p(fx), { ...testProtocol, name: `${fx.name} v2`, baseVersion: 1 }),
    changed: async (fx) =>
      (await t.db.select().from(protocolVersions).where(eq(protocolVersions.protocolId, fx.id))).length === 2,
  }),
  spec<ProtocolFx>({
    routes: ["POST /api/v1/protocols/:id/copy"],
    grid: writers,
    prepare: async (target, actor) => {
      await facilitatingNothing(actor);
      return protocolOf(target);
    },
    call: (a, fx) => a.client.post(p(fx, "/copy"), { name: `${fx.name} adapted` }),
    changed: async (fx) =>
      (
        await t.db
          .select()
          .from(protocols)
          .where(eq(protocols.name, `${fx.name} adapted`))
      ).length === 1,
  }),
  spec<ProtocolFx>({
    routes: ["POST /api/v1/protocols/:id/archive"],
    grid: itsAdmins,
    prepare: protocolOf,
    call: (a, fx) => a.client.post(p(fx, "/archive")),
    changed: async (fx) => Boolean((await protocolRow(fx.id))?.archivedAt),
  }),
  spec<ProtocolFx>({
    routes: ["POST /api/v1/protocols/:id/restore"],
    grid: itsAdmins,
    prepare: async (target) => {
      const fx = await protocolOf(target);
      if (target !== "nonexistent")
        await t.db.update(protocols).set({ archivedAt: new Date() }).where(eq(protocols.id, fx.id));
      return fx;
    },
    call: (a, fx) => a.client.post(p(fx, "/restore")),
    changed: async (fx) => (await protocolRow(fx.id))?.archivedAt === null,
  }),
];

const signedIn = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  district       Y    Y    Y    Y    Y    Y    Y    Y    Y    A`;
const feedOf = async (actor: Actor) =>
  actor.id
    ? (await t.db.select().from(calendarFeeds).where(eq(calendarFeeds.personId, actor.id)))[0]
    : undefined;

const calendarSpecs: Runnable[] = [
  spec<{ secret: string }>({
    routes: ["GET /api/v1/calendar/feed"],
    grid: signedIn,
    prepare: async () => ({ secret: unique("No secret") }),
    call: (a) => a.client.get("/api/v1/calendar/feed"),
  }),
  spec<{ secret: string; before: string | null }>({
    routes: ["POST /api/v1/calendar/feed"],
    grid: signedIn,
    prepare: async (_target, actor) => ({
      secret: unique("No secret"),
      before: (await feedOf(actor))?.tokenHash ?? null,
    }),
    call: (a) => a.client.post("/api/v1/calendar/feed"),
    changed: async (fx, actor) => {
      const after = (await feedOf(actor))?.tokenHash ?? null;
      return after !== null && after !== fx.before;
    },
  }),
  spec<{ secret: string; path: string }>({
    routes: ["GET /calendar/feeds/:token.ics"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      own            Y    Y    Y    Y    Y    Y    Y    Y    Y    Y
      nonexistent    H    H    H    H    H    H    H    H    H    H`,
    prepare: async (target) => {
      if (target === "nonexistent")
        return { secret: unique("No feed"), path: `/calendar/feeds/${newId()}.ics` };
      // The member's private link: the token is the key, whoever holds it (a calendar app has no session).
      const made = await (await t.as("teacher6@riverside.example")).post("/api/v1/calendar/feed");
      return { secret: unique("No feed"), path: new URL(made.body.url).pathname };
    },
    call: (a, fx) => a.client.get(fx.path),
    verify: (outcome, response) => {
      if (outcome === "Y") expect(String(response.headers["content-type"])).toContain("text/calendar");
    },
  }),
];

export const districtLibrarySpecs: Runnable[] = [...protocolSpecs, ...calendarSpecs];
