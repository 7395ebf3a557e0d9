import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { communities } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { queueMail } from "../../mail/outbox.ts";
import { type Client, type Response, startTestApp, type TestApp } from "../app.ts";
import {
  createCommunity,
  createInvitation,
  createPerson,
  membershipOf,
  orgId,
  personIdOf,
  schoolId,
  unique,
} from "../factories.ts";

/*
 * Who may do what, route by route: every route of docs/API.md × every kind of person × the kind of thing
 * they act on. Each grid below is the policy; each letter in it becomes one test.
 *
 * Columns — people, as seen from the fixture communities (which belong to Riverside Elementary):
 *   adm   Riverside's district administrator (admin@riverside)
 *   lOwn  a school leader of Riverside Elementary, the community's school
 *   lOth  a school leader of another school (principal@, Riverside Middle only)
 *   fac   the community's facilitator (coach@)     mem  a member (teacher6@)
 *   par   a family partner in it (parent@)          obs  an observer (teacher7@)
 *   out   an educator of the district who is not in it (teacher3@)
 *   oAdm  the administrator of the other district (admin@lakeside)
 *   anon  nobody signed in
 *
 * Rows — what they act on:
 *   visible / private   a district-visible / a private community of Riverside
 *   otherDistrict       the same kind of thing in Lakeside (a district-visible community, a school, …)
 *   nonexistent         a random id or token
 *   own                 a school, person or district invitation of Riverside
 *   district            a district-wide list or create
 *   toMe / toSomeoneElse  an invitation addressed to the caller / to another person
 *
 * Outcomes:
 *   Y  allowed, and the change happens (or the data is returned)
 *   M  reads it with the manager's view: pending join requests, `can.edit`
 *   J  joins at once                 R  a request to join is recorded
 *   -  allowed, nothing to change    C  409: the last facilitator cannot leave
 *   L  listed                        N  not listed
 *   F  403: they can see it, but it is not theirs to do; nothing changes
 *   H  404, exactly as if it did not exist; the answer never names it; nothing changes
 *   A  401: sign in first            B  400: the reset link is not valid
 *   .  does not apply
 *
 * Role-gated district routes (schools, people, district invitations, audit, outbox) answer 403 to anyone
 * without the role before looking anything up, whatever the id: their `otherDistrict` and `nonexistent`
 * rows are identical, so that 403 says nothing about another district.
 * The student-data rule does not apply yet: no student data exists.
 */

export const actorKeys = ["adm", "lOwn", "lOth", "fac", "mem", "par", "obs", "out", "oAdm", "anon"] as const;
export type ActorKey = (typeof actorKeys)[number];
export const outcomes = ["Y", "M", "J", "R", "-", "C", "L", "N", "F", "H", "A", "B", "."] as const;
export type Outcome = (typeof outcomes)[number];
export const targets = [
  "visible",
  "private",
  "otherDistrict",
  "nonexistent",
  "own",
  "district",
  "toMe",
  "toSomeoneElse",
] as const;
export type Target = (typeof targets)[number];

export const statusOf: Record<Outcome, number[]> = {
  Y: [200, 201, 204],
  M: [200],
  J: [200],
  R: [200],
  "-": [200],
  L: [200],
  N: [200],
  C: [409],
  F: [403],
  H: [404],
  A: [401],
  B: [400],
  ".": [],
};
/** After these, the change must be in the database; after any other outcome it must not be. */
export const changing = new Set<Outcome>(["Y", "J", "R"]);

/** Parses a grid: a header naming the columns, then one line per target. */
export function parseGrid(grid: string): Map<Target, Outcome[]> {
  const [header, ...lines] = grid
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/));
  if (header?.slice(1).join(" ") !== actorKeys.join(" ")) throw new Error(`bad grid header: ${header}`);
  const parsed = new Map<Target, Outcome[]>();
  for (const [target, ...cells] of lines) {
    if (!targets.includes(target as Target)) throw new Error(`unknown target ${target}`);
    if (cells.length !== actorKeys.length || cells.some((c) => !outcomes.includes(c as Outcome)))
      throw new Error(`bad grid line for ${target}: ${cells.join(" ")}`);
    parsed.set(target as Target, cells as Outcome[]);
  }
  return parsed;
}

/** A caller: their client and who they are. */
export type Actor = { key: ActorKey; client: Client; id: string | null; email: string | null };

export type Spec<F> = {
  /** "METHOD /path"; several when one row drives a sequence. */
  routes: string[];
  grid: string;
  /** Fixtures for one cell; mutating routes build fresh ones so cells never see each other's changes. */
  prepare: (target: Target, actor: Actor) => Promise<F & { secret: string }>;
  call: (actor: Actor, fx: F) => Promise<Response>;
  /** Whether the change happened; must be true exactly for Y, J and R. */
  changed?: (fx: F, actor: Actor) => Promise<boolean>;
  /** What else the caller must (not) see. */
  verify?: (outcome: Outcome, response: Response, fx: F, actor: Actor, target: Target) => unknown;
};
export type Row = { target: Target; actor: ActorKey; expected: Outcome; run: () => Promise<void> };
export type Runnable = { name: string; routes: string[]; grid: Map<Target, Outcome[]>; rows: () => Row[] };

/** Turns one route's grid into rows; each row checks one cell. */
export function spec<F>(s: Spec<F>): Runnable {
  const grid = parseGrid(s.grid);
  const rows = () =>
    [...grid].flatMap(([target, cells]) =>
      cells.flatMap((expected, i): Row[] => {
        const key = actorKeys[i] as ActorKey;
        if (expected === ".") return [];
        const run = async () => {
          const actor = actors[key];
          const fx = await s.prepare(target, actor);
          const response = await s.call(actor, fx);
          expect(statusOf[expected], `${response.status} ${JSON.stringify(response.body)}`).toContain(
            response.status,
          );
          if (expected === "H") {
            expect(response.body.title).toBe("Not found");
            expect(JSON.stringify(response.body)).not.toContain(fx.secret);
          }
          if (expected === "F") expect(response.body.title).toBe("Not allowed");
          if (expected === "A") expect(response.body.title).toBe("Sign in required");
          if (s.changed) expect(await s.changed(fx, actor), "changed").toBe(changing.has(expected));
          await s.verify?.(expected, response, fx, actor, target);
        };
        return [{ target, actor: key, expected, run }];
      }),
    );
  return { name: s.routes.join(" + "), routes: s.routes, grid, rows };
}

export let t: TestApp;
export const actors = {} as Record<ActorKey, Actor>;
export const ids = {
  riverside: "",
  lakeside: "",
  elementary: "",
  lakesideHigh: "",
  teacher2: "",
  teacher8: "",
  lakeFacilitator: "",
  lakeMember: "",
  lakeRequester: "",
};
export const signedInAs: Record<Exclude<ActorKey, "anon" | "lOwn">, string> = {
  adm: "admin@riverside.example",
  lOth: "principal@riverside.example",
  fac: "coach@riverside.example",
  mem: "teacher6@riverside.example",
  par: "parent@riverside.example",
  obs: "teacher7@riverside.example",
  out: "teacher3@riverside.example",
  oAdm: "admin@lakeside.example",
};
export const idOf = (key: ActorKey) => actors[key].id ?? "";
export const emailFor = (what: string) => `${unique(what).replace(/\W+/g, "-")}@factory.example`;

// ── Communities ────────────────────────────────────────────────────────────────────────────────────────

export type CommunityFx = {
  id: string;
  name: string;
  memberId: string;
  requesterId: string;
  invitationId: string;
  /** The caller's membership before the call. */
  before: Awaited<ReturnType<typeof membershipOf>>;
};
export type CommunityTarget = "visible" | "private" | "otherDistrict";
/** Read-only routes share these; mutating routes get a fresh community per cell. */
export const shared = {} as Record<CommunityTarget, CommunityFx>;

/**
 * A community with the standard cast. In Riverside: a facilitator, a member, a partner, an observer, a
 * pending join request and a pending invitation. In Lakeside: a facilitator, a member, a join request and
 * a pending invitation.
 */
export async function community(target: Target, actor: Actor, archived = false): Promise<CommunityFx> {
  if (target === "nonexistent") {
    const name = unique("Nowhere");
    return {
      id: newId(),
      name,
      memberId: newId(),
      requesterId: newId(),
      invitationId: newId(),
      before: null,
    };
  }
  const lakeside = target === "otherDistrict";
  const made = await createCommunity(t.db, {
    orgId: lakeside ? ids.lakeside : ids.riverside,
    name: unique(lakeside ? "Lakeside Lab Circle" : `Riverside ${target} circle`),
    visibility: target === "private" ? "private" : "organization",
    schoolIds: [lakeside ? ids.lakesideHigh : ids.elementary],
    archived,
    members: lakeside
      ? [
          [ids.lakeFacilitator, "facilitator"],
          [ids.lakeMember, "member"],
          [ids.lakeRequester, "member", "requested"],
        ]
      : [
          [idOf("fac"), "facilitator"],
          [idOf("mem"), "member"],
          [idOf("par"), "partner"],
          [idOf("obs"), "observer"],
          [ids.teacher2, "member", "requested"],
        ],
  });
  const invitation = await createInvitation(t.db, {
    orgId: lakeside ? ids.lakeside : ids.riverside,
    invitedBy: lakeside ? ids.lakeFacilitator : idOf("fac"),
    email: emailFor("invitee"),
    communityId: made.id,
  });
  return {
    id: made.id,
    name: made.name,
    memberId: lakeside ? ids.lakeMember : idOf("mem"),
    requesterId: lakeside ? ids.lakeRequester : ids.teacher2,
    invitationId: invitation.id,
    before: actor.id ? await membershipOf(t.db, made.id, actor.id) : null,
  };
}
export const fresh = async (target: Target, actor: Actor) => {
  const fx = await community(target, actor);
  return { ...fx, secret: fx.name };
};
export const readOnly = async (target: Target, actor: Actor) => {
  const fx = target === "nonexistent" ? await community(target, actor) : shared[target as CommunityTarget];
  return { ...fx, secret: fx.name };
};
export const url = (fx: { id: string }, path = "") => `/api/v1/communities/${fx.id}${path}`;
export const communityRow = async (id: string) =>
  (await t.db.select().from(communities).where(eq(communities.id, id)))[0];

/** Managing a community: its facilitators, the district's administrators, leaders of its schools. */
export const manage = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    F    Y    F    F    F    F    H    A
  private        Y    Y    H    Y    F    F    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

/** Signs in the cast and builds the shared fixtures; the matrix files call it in beforeAll. */
export async function setupMatrix(): Promise<void> {
  t = await startTestApp();
  ids.riverside = await orgId(t.db, "riverside");
  ids.lakeside = await orgId(t.db, "lakeside");
  ids.elementary = await schoolId(t.db, "Riverside Elementary");
  ids.lakesideHigh = await schoolId(t.db, "Lakeside High");
  ids.teacher2 = await personIdOf(t.db, "teacher2@riverside.example");
  ids.teacher8 = await personIdOf(t.db, "teacher8@riverside.example");
  ids.lakeFacilitator = await personIdOf(t.db, "teacher1@lakeside.example");
  ids.lakeMember = (await createPerson(t.db, { orgId: ids.lakeside, name: "Ada Brook" })).id;
  ids.lakeRequester = (await createPerson(t.db, { orgId: ids.lakeside, name: "Ravi Shore" })).id;
  const leader = await createPerson(t.db, {
    orgId: ids.riverside,
    email: "elementary-principal@riverside.example",
    name: "Ruth Alvarez",
    orgRole: "school_leader",
    schoolIds: [ids.elementary],
    canSignIn: true,
  });
  await Promise.all(
    Object.entries({ ...signedInAs, lOwn: leader.email }).map(async ([key, email]) => {
      const client = await t.signIn(email);
      actors[key as ActorKey] = { key: key as ActorKey, client, id: await personIdOf(t.db, email), email };
    }),
  );
  actors.anon = { key: "anon", client: t.anonymous, id: null, email: null };
  for (const target of ["visible", "private", "otherDistrict"] as const) {
    shared[target] = await community(target, actors.anon);
  }
  for (const side of ["riverside", "lakeside"] as const) {
    const invitedBy = idOf(side === "riverside" ? "adm" : "oAdm");
    await createInvitation(t.db, { orgId: ids[side], invitedBy, email: `${side}-hire@factory.example` });
    const mail = { subject: "Hello", text: "Hello", html: "<p>Hello</p>" };
    await queueMail(t.db, { orgId: ids[side], to: `${side}-mail@factory.example`, ...mail });
  }
}
