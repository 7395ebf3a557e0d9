import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communities, invitations, people, schools } from "../db/schema/index.ts";
import { newId, newToken } from "../lib/ids.ts";
import { type Client, PUBLIC_URL, type Response } from "../test/app.ts";
import { alignmentSpecs } from "../test/authorization/alignment-specs.ts";
import { analysisSpecs } from "../test/authorization/analysis-specs.ts";
import { artifactSpecs } from "../test/authorization/artifact-specs.ts";
import { cycleSpecs } from "../test/authorization/cycle-specs.ts";
import { discussionSpecs } from "../test/authorization/discussion-specs.ts";
import { exemplarSpecs } from "../test/authorization/exemplar-specs.ts";
import { feedbackSpecs } from "../test/authorization/feedback-specs.ts";
import { goalSpecs } from "../test/authorization/goal-specs.ts";
import { groupSpecs } from "../test/authorization/groups-specs.ts";
import { growthSpecs } from "../test/authorization/growth-specs.ts";
import { journalSpecs } from "../test/authorization/journal-specs.ts";
import { learningNeedSpecs } from "../test/authorization/learning-needs-specs.ts";
import { learningPlanSpecs } from "../test/authorization/learning-plan-specs.ts";
import {
  type Actor,
  type ActorKey,
  actorKeys,
  type CommunityFx,
  community,
  communityRow,
  emailFor,
  fresh,
  idOf,
  ids,
  manage,
  type Outcome,
  type Runnable,
  readOnly,
  setupMatrix,
  spec,
  type Target,
  t,
  url,
} from "../test/authorization/matrix.ts";
import { meetingSpecs } from "../test/authorization/meeting-specs.ts";
import { afterMeetingSpecs } from "../test/authorization/minutes-specs.ts";
import { notificationSpecs } from "../test/authorization/notification-specs.ts";
import { districtLibrarySpecs } from "../test/authorization/protocol-specs.ts";
import { resultSpecs } from "../test/authorization/result-specs.ts";
import { rosterSpecs } from "../test/authorization/roster-specs.ts";
import { searchSpecs } from "../test/authorization/search-specs.ts";
import { surveyAdministrationSpecs } from "../test/authorization/survey-administration-specs.ts";
import { surveyResultSpecs } from "../test/authorization/survey-result-specs.ts";
import { surveySpecs } from "../test/authorization/survey-specs.ts";
import { teamReflectionSpecs } from "../test/authorization/team-reflection-specs.ts";
import { createCommunity, createInvitation, createPerson, membershipOf, unique } from "../test/factories.ts";

const JOIN = "POST /api/v1/communities/:id/join";
const LEAVE = "POST /api/v1/communities/:id/leave";

const communitySpecs: Runnable[] = [
  spec<CommunityFx>({
    routes: ["GET /api/v1/communities/:id"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        M    M    Y    M    Y    Y    Y    Y    H    A
      private        M    M    H    M    Y    Y    Y    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    M    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: readOnly,
    call: (a, fx) => a.client.get(url(fx)),
    verify: (outcome, { body }, fx, actor, target) => {
      if (outcome !== "M" && outcome !== "Y") return;
      expect(body.name).toBe(fx.name);
      const manager = outcome === "M";
      const requests = body.requests.map((r: { personId: string }) => r.personId);
      expect(requests).toEqual(manager ? [fx.requesterId] : []);
      // What `can` tells the UI is exactly what the other grids of this file allow.
      expect(body.can).toEqual({
        edit: manager,
        archive: manager,
        invite: manager,
        manageMembers: manager,
        join: expectedOf(JOIN, target, actor.key) === "J",
        requestToJoin: expectedOf(JOIN, target, actor.key) === "R",
        leave: expectedOf(LEAVE, target, actor.key) === "Y",
      });
    },
  }),
  spec<CommunityFx>({
    routes: ["PATCH /api/v1/communities/:id"],
    grid: manage,
    prepare: fresh,
    call: (a, fx) => a.client.patch(url(fx), { purpose: "Edited through the matrix." }),
    changed: async (fx) => (await communityRow(fx.id))?.purpose === "Edited through the matrix.",
  }),
  spec<CommunityFx>({
    routes: ["POST /api/v1/communities/:id/archive"],
    grid: manage,
    prepare: fresh,
    call: (a, fx) => a.client.post(url(fx, "/archive")),
    changed: async (fx) => Boolean((await communityRow(fx.id))?.archivedAt),
  }),
  spec<CommunityFx>({
    routes: ["POST /api/v1/communities/:id/restore"],
    grid: manage,
    prepare: async (target, actor) => {
      const fx = await community(target, actor, true);
      return { ...fx, secret: fx.name };
    },
    call: (a, fx) => a.client.post(url(fx, "/restore")),
    changed: async (fx) => (await communityRow(fx.id))?.archivedAt === null,
  }),
  spec<CommunityFx>({
    routes: [JOIN],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        J    J    R    -    -    -    -    R    H    A
      private        J    J    H    -    -    -    -    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    J    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: fresh,
    call: (a, fx) => a.client.post(url(fx, "/join")),
    verify: async (outcome, response, fx, actor) => {
      const after = actor.id ? await membershipOf(t.db, fx.id, actor.id) : null;
      if (outcome === "J") expect(after).toEqual({ role: "member", status: "active" });
      else if (outcome === "R") expect(after).toEqual({ role: "member", status: "requested" });
      else expect(after).toEqual(fx.before);
      if (outcome === "J" || outcome === "R") expect(response.body.myStatus).toBe(after?.status);
    },
  }),
  spec<CommunityFx>({
    routes: [LEAVE],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        -    -    -    C    Y    Y    Y    -    H    A
      private        -    -    H    C    Y    Y    Y    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    -    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: fresh,
    call: (a, fx) => a.client.post(url(fx, "/leave")),
    verify: async (outcome, response, fx, actor) => {
      const after = actor.id ? await membershipOf(t.db, fx.id, actor.id) : null;
      if (outcome === "Y") expect(after?.status).toBe("left");
      else expect(after).toEqual(fx.before);
      if (outcome === "C") expect(response.body.detail).toMatch(/only facilitator/);
    },
  }),
  spec<CommunityFx>({
    routes: ["GET /api/v1/communities/:id/invitations"],
    grid: manage,
    prepare: readOnly,
    call: (a, fx) => a.client.get(url(fx, "/invitations")),
    verify: (outcome, response, fx) => {
      if (outcome === "Y")
        expect(response.body.items.map((i: { id: string }) => i.id)).toEqual([fx.invitationId]);
    },
  }),
  spec<CommunityFx & { email: string }>({
    routes: ["POST /api/v1/communities/:id/invitations"],
    grid: manage,
    prepare: async (target, actor) => ({ ...(await fresh(target, actor)), email: emailFor("new") }),
    call: (a, fx) => a.client.post(url(fx, "/invitations"), { email: fx.email, role: "member" }),
    changed: async (fx) =>
      (await t.db.select().from(invitations).where(eq(invitations.email, fx.email))).length === 1,
  }),
  spec<CommunityFx>({
    routes: ["DELETE /api/v1/communities/:id/invitations/:invitationId"],
    grid: manage,
    prepare: fresh,
    call: (a, fx) => a.client.delete(url(fx, `/invitations/${fx.invitationId}`)),
    changed: async (fx) => {
      const [row] = await t.db.select().from(invitations).where(eq(invitations.id, fx.invitationId));
      return Boolean(row?.revokedAt);
    },
  }),
  spec<CommunityFx>({
    routes: ["PATCH /api/v1/communities/:id/members/:personId"],
    grid: manage,
    prepare: fresh,
    call: (a, fx) => a.client.patch(url(fx, `/members/${fx.memberId}`), { role: "observer" }),
    changed: async (fx) => (await membershipOf(t.db, fx.id, fx.memberId))?.role === "observer",
  }),
  spec<CommunityFx>({
    routes: ["DELETE /api/v1/communities/:id/members/:personId"],
    grid: manage,
    prepare: fresh,
    call: (a, fx) => a.client.delete(url(fx, `/members/${fx.memberId}`)),
    changed: async (fx) => (await membershipOf(t.db, fx.id, fx.memberId))?.status === "left",
  }),
  spec<CommunityFx>({
    routes: ["POST /api/v1/communities/:id/requests/:personId"],
    grid: manage,
    prepare: fresh,
    call: (a, fx) => a.client.post(url(fx, `/requests/${fx.requesterId}`), { approve: true }),
    changed: async (fx) => (await membershipOf(t.db, fx.id, fx.requesterId))?.status === "active",
  }),
  spec<CommunityFx>({
    routes: ["GET /api/v1/communities"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        L    L    L    L    L    L    L    L    N    A
      private        L    L    N    L    L    L    L    N    N    A
      otherDistrict  N    N    N    N    N    N    N    N    L    A`,
    prepare: readOnly,
    call: (a) => a.client.get("/api/v1/communities?scope=all"),
    verify: (outcome, response, fx) => {
      if (outcome !== "L" && outcome !== "N") return;
      const names = response.body.items.map((i: { name: string }) => i.name);
      if (outcome === "L") expect(names).toContain(fx.name);
      else expect(names).not.toContain(fx.name);
    },
  }),
  spec<{ name: string }>({
    routes: ["POST /api/v1/communities"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      district       Y    Y    Y    Y    Y    F    Y    Y    Y    A`,
    prepare: async () => {
      const name = unique("Created in the matrix");
      return { name, secret: name };
    },
    call: (a, fx) => a.client.post("/api/v1/communities", { name: fx.name, kind: "other" }),
    verify: async (outcome, _response, fx, actor) => {
      const [row] = await t.db.select().from(communities).where(eq(communities.name, fx.name));
      if (outcome !== "Y") return expect(row).toBeUndefined();
      expect(row?.orgId).toBe(actor.key === "oAdm" ? ids.lakeside : ids.riverside);
      expect(await membershipOf(t.db, row?.id ?? "", idOf(actor.key))).toEqual({
        role: "facilitator",
        status: "active",
      });
    },
  }),
];

// ── Invitations by link ────────────────────────────────────────────────────────────────────────────────

type InvitationFx = { communityId: string; invitationId: string; token: string; email: string };

/** A fresh community (facilitated by teacher8) and an invitation to join it as an observer. */
async function invitation(target: Target, actor: Actor): Promise<InvitationFx & { secret: string }> {
  if (target === "nonexistent") {
    const none = { communityId: newId(), invitationId: newId(), token: newToken(), email: "" };
    return { ...none, secret: unique("Nowhere") };
  }
  const made = await createCommunity(t.db, {
    orgId: ids.riverside,
    visibility: "organization",
    members: [[ids.teacher8, "facilitator"]],
  });
  const email = target === "toMe" ? (actor.email ?? "") : "teacher4@riverside.example";
  const inv = await createInvitation(t.db, {
    orgId: ids.riverside,
    invitedBy: ids.teacher8,
    email,
    communityId: made.id,
    communityRole: "observer",
  });
  return { communityId: made.id, invitationId: inv.id, token: inv.token, email, secret: made.name };
}
const accepted = async (fx: InvitationFx, actor: Actor) => {
  const [row] = await t.db.select().from(invitations).where(eq(invitations.id, fx.invitationId));
  const member = actor.id ? await membershipOf(t.db, fx.communityId, actor.id) : null;
  expect(member).toEqual(row?.acceptedAt ? { role: "observer", status: "active" } : null);
  return Boolean(row?.acceptedAt);
};

const invitationSpecs: Runnable[] = [
  spec<InvitationFx>({
    routes: ["GET /api/v1/invitations/:token"],
    // The emailed token is the permission to see the invitation; no sign-in needed.
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      toMe           Y    Y    Y    Y    Y    Y    Y    Y    Y    .
      toSomeoneElse  Y    Y    Y    Y    Y    Y    Y    Y    Y    Y
      nonexistent    H    H    H    H    H    H    H    H    H    H`,
    prepare: invitation,
    call: (a, fx) => a.client.get(`/api/v1/invitations/${fx.token}`),
    verify: (outcome, response, fx) => {
      if (outcome === "Y") expect(response.body).toMatchObject({ email: fx.email, status: "pending" });
    },
  }),
  spec<InvitationFx>({
    routes: ["POST /api/v1/invitations/:token/accept"],
    // Only the addressee, signed in to their own district's account, can accept.
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      toMe           Y    Y    Y    Y    Y    Y    Y    Y    F    .
      toSomeoneElse  F    F    F    F    F    F    F    F    F    A
      nonexistent    H    H    H    H    H    H    H    H    H    H`,
    prepare: invitation,
    call: (a, fx) => a.client.post(`/api/v1/invitations/${fx.token}/accept`, {}),
    changed: accepted,
    verify: (outcome, response, fx) => {
      // It says whose invitation it is, so the person knows which account to use.
      if (outcome === "F") expect(response.body.detail).toContain(`sent to ${fx.email}`);
    },
  }),
  spec<InvitationFx>({
    routes: ["POST /api/v1/me/invitations/:invitationId/accept"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      toMe           Y    Y    Y    Y    Y    Y    Y    Y    H    .
      toSomeoneElse  H    H    H    H    H    H    H    H    H    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: invitation,
    call: (a, fx) => a.client.post(`/api/v1/me/invitations/${fx.invitationId}/accept`, {}),
    changed: accepted,
  }),
];

// ── The district: me, schools, people, district invitations, audit, outbox ────────────────────────────

const everyone = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  district       Y    Y    Y    Y    Y    Y    Y    Y    Y    A`;
const adminsOnly = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  district       Y    F    F    F    F    F    F    F    Y    A`;
/** Changing one thing of a district: that district's administrators only. */
const itsAdmins = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  own            Y    F    F    F    F    F    F    F    H    A
  otherDistrict  H    F    F    F    F    F    F    F    Y    A
  nonexistent    H    F    F    F    F    F    F    F    H    A`;

type Owned = { id: string };
const ownerOrg = (target: Target) => (target === "otherDistrict" ? ids.lakeside : ids.riverside);
const nothing = async () => ({ secret: unique("Nothing") });
const sideOf = (actor: Actor) => (actor.key === "oAdm" ? "lakeside" : "riverside");

const districtSpecs: Runnable[] = [
  spec<object>({
    routes: ["GET /api/v1/me"],
    grid: everyone,
    prepare: nothing,
    call: (a) => a.client.get("/api/v1/me"),
    verify: (outcome, response, _fx, actor) => {
      if (outcome === "Y") expect(response.body.person.email).toBe(actor.email);
    },
  }),
  spec<object>({
    routes: ["PATCH /api/v1/me/profile"],
    grid: everyone,
    prepare: nothing,
    call: (a) => a.client.patch("/api/v1/me/profile", { pronouns: "they/them" }),
    changed: async (_fx, actor) => {
      const [row] = await t.db
        .select()
        .from(people)
        .where(eq(people.id, actor.id ?? newId()));
      return row?.pronouns === "they/them";
    },
  }),
  spec<object>({
    routes: ["GET /api/v1/home"],
    grid: everyone,
    prepare: nothing,
    call: (a) => a.client.get("/api/v1/home"),
    verify: (outcome, response) => {
      if (outcome === "Y") expect(response.body.communities).toBeInstanceOf(Array);
    },
  }),
  spec<object>({
    routes: ["GET /api/v1/schools"],
    grid: everyone,
    prepare: nothing,
    call: (a) => a.client.get("/api/v1/schools"),
    verify: (outcome, response, _fx, actor) => {
      if (outcome !== "Y") return;
      const names = response.body.items.map((s: { name: string }) => s.name);
      if (sideOf(actor) === "lakeside") expect(names).toEqual(["Lakeside High"]);
      else expect(names).toEqual(["Riverside Elementary", "Riverside Middle"]);
    },
  }),
  spec<{ name: string }>({
    routes: ["POST /api/v1/schools"],
    grid: adminsOnly,
    prepare: async () => {
      const name = unique("Matrix School");
      return { name, secret: name };
    },
    call: (a, fx) => a.client.post("/api/v1/schools", { name: fx.name }),
    verify: async (outcome, _response, fx, actor) => {
      const [row] = await t.db.select().from(schools).where(eq(schools.name, fx.name));
      if (outcome === "Y") expect(row?.orgId).toBe(ids[sideOf(actor)]);
      else expect(row).toBeUndefined();
    },
  }),
  spec<Owned>({
    routes: ["PATCH /api/v1/schools/:id"],
    grid: itsAdmins,
    prepare: async (target) => {
      const name = unique("School to rename");
      if (target === "nonexistent") return { id: newId(), secret: name };
      const id = newId();
      await t.db.insert(schools).values({ id, orgId: ownerOrg(target), name });
      return { id, secret: name };
    },
    call: (a, fx) => a.client.patch(`/api/v1/schools/${fx.id}`, { name: `Renamed ${fx.id}` }),
    changed: async (fx) => {
      const [row] = await t.db.select().from(schools).where(eq(schools.id, fx.id));
      return row?.name === `Renamed ${fx.id}`;
    },
  }),
  spec<object>({
    routes: ["GET /api/v1/people"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      district       Y    Y    Y    F    F    F    F    F    Y    A`,
    prepare: nothing,
    call: (a) => a.client.get("/api/v1/people"),
    verify: (outcome, response, _fx, actor) => {
      if (outcome !== "Y") return;
      const found = response.body.items.map((p: { email: string }) => p.email);
      const [mine, theirs] = ["coach@riverside.example", "admin@lakeside.example"];
      expect(found).toContain(sideOf(actor) === "riverside" ? mine : theirs);
      expect(found).not.toContain(sideOf(actor) === "riverside" ? theirs : mine);
    },
  }),
  spec<Owned>({
    routes: ["PATCH /api/v1/people/:id"],
    grid: itsAdmins,
    prepare: async (target) => {
      const name = unique("Person to promote");
      if (target === "nonexistent") return { id: newId(), secret: name };
      const person = await createPerson(t.db, { orgId: ownerOrg(target), name });
      return { id: person.id, secret: name };
    },
    call: (a, fx) => a.client.patch(`/api/v1/people/${fx.id}`, { orgRole: "school_leader" }),
    changed: async (fx) => {
      const [row] = await t.db.select().from(people).where(eq(people.id, fx.id));
      return row?.orgRole === "school_leader";
    },
  }),
  spec<object>({
    routes: ["GET /api/v1/people/invitations"],
    grid: adminsOnly,
    prepare: nothing,
    call: (a) => a.client.get("/api/v1/people/invitations"),
    verify: (outcome, response, _fx, actor) => {
      if (outcome !== "Y") return;
      const found = response.body.items.map((i: { email: string }) => i.email);
      expect(found).toEqual([`${sideOf(actor)}-hire@factory.example`]);
    },
  }),
  spec<{ email: string }>({
    routes: ["POST /api/v1/people/invitations"],
    grid: adminsOnly,
    prepare: async () => {
      const email = emailFor("hire");
      return { email, secret: email };
    },
    call: (a, fx) => a.client.post("/api/v1/people/invitations", { email: fx.email, orgRole: "educator" }),
    verify: async (outcome, _response, fx, actor) => {
      const [row] = await t.db.select().from(invitations).where(eq(invitations.email, fx.email));
      if (outcome === "Y") expect(row?.orgId).toBe(ids[sideOf(actor)]);
      else expect(row).toBeUndefined();
    },
  }),
  spec<Owned>({
    routes: ["DELETE /api/v1/people/invitations/:invitationId"],
    grid: itsAdmins,
    prepare: async (target) => {
      const email = emailFor("withdrawn");
      if (target === "nonexistent") return { id: newId(), secret: email };
      const invitedBy = target === "otherDistrict" ? idOf("oAdm") : idOf("adm");
      const made = await createInvitation(t.db, { orgId: ownerOrg(target), invitedBy, email });
      return { id: made.id, secret: email };
    },
    call: (a, fx) => a.client.delete(`/api/v1/people/invitations/${fx.id}`),
    changed: async (fx) => {
      const [row] = await t.db.select().from(invitations).where(eq(invitations.id, fx.id));
      return Boolean(row?.revokedAt);
    },
  }),
  spec<object>({
    routes: ["GET /api/v1/audit"],
    grid: adminsOnly,
    prepare: nothing,
    call: (a) => a.client.get("/api/v1/audit?action=auth.sign_in&limit=100"),
    verify: (outcome, response, _fx, actor) => {
      if (outcome !== "Y") return;
      // Both administrators signed in before the matrix ran; each sees only their own district's.
      const who = response.body.items.map((e: { actorName: string }) => e.actorName);
      const [mine, theirs] =
        sideOf(actor) === "riverside" ? ["Dana Whitfield", "Noor Haddad"] : ["Noor Haddad", "Dana Whitfield"];
      expect(who).toContain(mine);
      expect(who).not.toContain(theirs);
    },
  }),
  spec<object>({
    routes: ["GET /api/v1/outbox"],
    grid: adminsOnly,
    prepare: nothing,
    call: (a) => a.client.get("/api/v1/outbox"),
    verify: (outcome, response, _fx, actor) => {
      if (outcome !== "Y") return;
      const to = response.body.items.map((m: { to: string }) => m.to);
      const other = sideOf(actor) === "riverside" ? "lakeside" : "riverside";
      expect(to).toContain(`${sideOf(actor)}-mail@factory.example`);
      expect(to).not.toContain(`${other}-mail@factory.example`);
    },
  }),
];

// ── Public routes: the same for everyone ──────────────────────────────────────────────────────────────

let addresses = 0;
/** A request from a client address of its own, so Better Auth's per-address limits stay out of the way. */
async function fromOwnAddress(a: Actor, path: string, payload: object): Promise<Response> {
  const n = ++addresses;
  const response = await t.app.inject({
    method: "POST",
    url: path,
    payload,
    remoteAddress: `10.20.${Math.floor(n / 200)}.${n % 200}`,
    headers: { origin: PUBLIC_URL, ...(a.client.cookie ? { cookie: a.client.cookie } : {}) },
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

const publicSpecs: Runnable[] = [
  spec<object>({
    routes: ["GET /healthz"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      district       Y    Y    Y    Y    Y    Y    Y    Y    Y    Y`,
    prepare: nothing,
    call: (a) => a.client.get("/healthz"),
    verify: (outcome, response) => {
      if (outcome === "Y") expect(response.body).toEqual({ status: "ok", database: "ok" });
    },
  }),
  spec<{ session: Client }>({
    routes: ["POST /api/auth/sign-in/email", "POST /api/auth/sign-out"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      district       Y    Y    Y    Y    Y    Y    Y    Y    Y    .`,
    prepare: async (_target, actor) => ({ session: await t.signIn(actor.email ?? ""), secret: unique("x") }),
    call: (_a, fx) => fx.session.post("/api/auth/sign-out", {}),
    verify: async (_outcome, _response, fx, actor) => {
      expect((await fx.session.get("/api/v1/me")).status).toBe(401);
      // Signing out one session leaves the person's other sessions alone.
      expect((await actor.client.get("/api/v1/me")).status).toBe(200);
    },
  }),
  spec<object>({
    routes: ["POST /api/auth/request-password-reset"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      district       Y    Y    Y    Y    Y    Y    Y    Y    Y    Y`,
    prepare: nothing,
    call: (a) =>
      fromOwnAddress(a, "/api/auth/request-password-reset", {
        email: a.email ?? "teacher4@riverside.example",
        redirectTo: "/reset-password",
      }),
  }),
  spec<object>({
    routes: ["POST /api/auth/reset-password"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      nonexistent    B    B    B    B    B    B    B    B    B    B`,
    prepare: nothing,
    call: (a) =>
      fromOwnAddress(a, "/api/auth/reset-password", { newPassword: "a-new-password-1", token: "made-up" }),
  }),
];

const allSpecs = [
  ...communitySpecs,
  ...invitationSpecs,
  ...districtSpecs,
  ...publicSpecs,
  ...meetingSpecs,
  ...afterMeetingSpecs,
  ...districtLibrarySpecs,
  ...artifactSpecs,
  ...feedbackSpecs,
  ...discussionSpecs,
  ...notificationSpecs,
  ...exemplarSpecs,
  ...searchSpecs,
  ...goalSpecs,
  ...cycleSpecs,
  ...alignmentSpecs,
  ...rosterSpecs,
  ...resultSpecs,
  ...analysisSpecs,
  ...groupSpecs,
  ...growthSpecs,
  ...learningNeedSpecs,
  ...surveyAdministrationSpecs,
  ...surveyResultSpecs,
  ...surveySpecs,
  ...journalSpecs,
  ...learningPlanSpecs,
  ...teamReflectionSpecs,
];

function expectedOf(route: string, target: Target, actor: ActorKey): Outcome {
  const found = allSpecs.find((s) => s.routes.includes(route));
  return found?.grid.get(target)?.[actorKeys.indexOf(actor)] ?? ".";
}

beforeAll(setupMatrix);
afterAll(() => t?.close());

describe.each(allSpecs.map((s) => [s.name, s] as const))("%s", (_name, s) => {
  it.each(s.rows())("$target · $actor → $expected", (row) => row.run());
});

describe("the matrix itself", () => {
  /** Parameter names differ between the docs and the code (`:id`, `:invitationId`); their places do not. */
  const shape = (route: string) => route.replace(/:\w+/g, ":param");
  const covered = new Set(allSpecs.flatMap((s) => s.routes).map(shape));

  it("covers every route the server documents in its OpenAPI", async () => {
    const openapi = (await t.anonymous.get("/api/openapi.json")).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const offered = Object.entries(openapi.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    expect(offered.length).toBeGreaterThan(20);
    expect(offered.filter((route) => !covered.has(shape(route)))).toEqual([]);
  });

  it("covers every route of docs/API.md", async () => {
    const doc = await readFile(new URL("../../docs/API.md", import.meta.url), "utf8");
    const documented = [...doc.matchAll(/^\| (GET|POST|PATCH|PUT|DELETE) \| ([^|]+) \|/gm)].flatMap(
      ([, method, cell]) => {
        const [first = "", ...more] = [...(cell ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "");
        // "`/api/v1/communities/:id/archive` · `/restore`": the second replaces the last segment.
        return [first, ...more.map((tail) => first.replace(/\/[^/]+$/, tail))].map((p) => `${method} ${p}`);
      },
    );
    expect(documented.length).toBeGreaterThan(20);
    expect(documented.filter((route) => !covered.has(shape(route)))).toEqual([]);
  });
});
