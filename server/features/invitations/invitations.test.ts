import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitations } from "../../db/schema/index.ts";
import { type Client, cookieHeader, PUBLIC_URL, startTestApp, type TestApp } from "../../test/app.ts";
import { membershipOf, schoolId } from "../../test/factories.ts";
import { linkIn, type Mailbox, startSmtpServer } from "../../test/smtp.ts";

let t: TestApp;
let smtp: Mailbox;
let coach: Client;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await startTestApp({ smtpUrl: smtp.url });
  coach = await t.as("coach@riverside.example");
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

let made = 0;
/** A new district-visible community facilitated by the coach. */
async function newCommunity(name = `Invitation Circle ${++made}`): Promise<{ id: string; name: string }> {
  const response = await coach.post("/api/v1/communities", {
    name,
    kind: "other",
    visibility: "organization",
  });
  expect(response.status).toBe(201);
  return { id: response.body.id, name };
}

/** Invites by email and reads the token from the mail that arrives over SMTP. */
async function invite(
  by: Client,
  communityId: string,
  email: string,
  role = "member",
  message = "",
): Promise<{ id: string; token: string }> {
  const before = smtp.messages.length;
  const response = await by.post(`/api/v1/communities/${communityId}/invitations`, { email, role, message });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  const mail = await smtp.waitFor((m) => smtp.messages.indexOf(m) >= before && m.to.includes(email));
  return { id: response.body.id, token: tokenIn(linkIn(mail, `${PUBLIC_URL}/invitations/`)) };
}
const tokenIn = (link: string) => link.split("/").at(-1) ?? "";
const accept = (client: Client, token: string, body: object = {}) =>
  client.post(`/api/v1/invitations/${token}/accept`, body);

describe("inviting someone who already has an account", () => {
  it("mails a link; the preview, then accepting, makes them an active member", async () => {
    const circle = await newCommunity("Science Lab Circle");
    const response = await coach.post(`/api/v1/communities/${circle.id}/invitations`, {
      email: "Teacher3@Riverside.example",
      role: "member",
      message: "We would love your lab ideas.",
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      email: "teacher3@riverside.example",
      role: "member",
      status: "pending",
    });

    const mail = await smtp.waitFor((m) => m.to.includes("teacher3@riverside.example"));
    expect(mail.subject).toBe("You're invited to join Science Lab Circle on Lamplight");
    expect(mail.text).toContain(
      'Priya Natarajan invited you to join the learning community "Science Lab Circle" as a member.',
    );
    expect(mail.text).toContain("We would love your lab ideas.");
    const link = linkIn(mail, `${PUBLIC_URL}/invitations/`);
    expect(mail.html).toContain(link);
    const token = tokenIn(link);

    const preview = await t.anonymous.get(`/api/v1/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      email: "teacher3@riverside.example",
      organizationName: "Riverside Unified School District",
      invitedBy: "Priya Natarajan",
      community: { id: circle.id, name: "Science Lab Circle", role: "member" },
      accountExists: true,
      status: "pending",
    });

    const elena = await t.as("teacher3@riverside.example");
    const waiting = (await elena.get("/api/v1/home")).body.needsMe;
    expect(waiting).toContainEqual(
      expect.objectContaining({
        kind: "invitation",
        communityName: "Science Lab Circle",
        invitedBy: "Priya Natarajan",
      }),
    );

    const accepted = await accept(elena, token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ communityId: circle.id, signedIn: true });
    const read = await elena.get(`/api/v1/communities/${circle.id}`);
    expect(read.body).toMatchObject({ myRole: "member", myStatus: "active" });
    expect(read.body.members.map((m: { name: string }) => m.name)).toContain("Elena García");
    expect((await elena.get("/api/v1/home")).body.needsMe).toEqual([]);
    expect((await t.anonymous.get(`/api/v1/invitations/${token}`)).body.status).toBe("accepted");

    // A second click on the same link is harmless.
    const twice = await accept(elena, token);
    expect(twice.status).toBe(200);
    expect(twice.body.communityId).toBe(circle.id);
    const after = await elena.get(`/api/v1/communities/${circle.id}`);
    expect(after.body.members.filter((m: { name: string }) => m.name === "Elena García")).toHaveLength(1);
  });

  it("tells someone else who is signed in whose invitation it is", async () => {
    const circle = await newCommunity();
    const { token } = await invite(coach, circle.id, "teacher3@riverside.example");
    const jordan = await t.as("teacher1@riverside.example");
    const response = await accept(jordan, token);
    expect(response.status).toBe(403);
    expect(response.body.detail).toBe(
      "This invitation was sent to teacher3@riverside.example. Sign out, then sign in with that address to accept it.",
    );
    expect(await membershipOf(t.db, circle.id, await t.personId("teacher1@riverside.example"))).toBeNull();
  });

  it("asks someone who is not signed in to sign in first", async () => {
    const circle = await newCommunity();
    const { token } = await invite(coach, circle.id, "teacher3@riverside.example");
    const response = await accept(t.anonymous, token);
    expect(response.status).toBe(401);
  });

  it("does not demote someone who became a facilitator before opening an old invitation", async () => {
    const circle = await newCommunity();
    const { token } = await invite(coach, circle.id, "teacher1@riverside.example", "member");
    const jordan = await t.as("teacher1@riverside.example");
    const jordanId = await t.personId("teacher1@riverside.example");
    // Jordan joins another way, is made facilitator, and the coach hands over and leaves.
    expect((await jordan.post(`/api/v1/communities/${circle.id}/join`)).body.myStatus).toBe("requested");
    await coach.post(`/api/v1/communities/${circle.id}/requests/${jordanId}`, { approve: true });
    await coach.patch(`/api/v1/communities/${circle.id}/members/${jordanId}`, { role: "facilitator" });
    expect((await coach.post(`/api/v1/communities/${circle.id}/leave`)).status).toBe(200);

    expect((await accept(jordan, token)).status).toBe(200);
    const read = await jordan.get(`/api/v1/communities/${circle.id}`);
    expect(read.body.myRole).toBe("facilitator");
    expect(read.body.can.manageMembers).toBe(true);
  });
});

describe("links that no longer work", () => {
  it("answers 410 for an expired invitation, with what to do", async () => {
    const circle = await newCommunity();
    const { id, token } = await invite(coach, circle.id, "teacher3@riverside.example");
    await t.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(invitations.id, id));
    expect((await t.anonymous.get(`/api/v1/invitations/${token}`)).body.status).toBe("expired");
    const response = await accept(await t.as("teacher3@riverside.example"), token);
    expect(response.status).toBe(410);
    expect(response.body.detail).toBe(
      "This invitation has expired. Ask the person who invited you to send a new one.",
    );
  });

  it("answers 410 for a withdrawn invitation", async () => {
    const circle = await newCommunity();
    const { id, token } = await invite(coach, circle.id, "teacher3@riverside.example");
    expect((await coach.delete(`/api/v1/communities/${circle.id}/invitations/${id}`)).status).toBe(204);
    expect((await coach.get(`/api/v1/communities/${circle.id}/invitations`)).body.items).toEqual([]);
    const response = await accept(await t.as("teacher3@riverside.example"), token);
    expect(response.status).toBe(410);
    expect(response.body.detail).toMatch(/^This invitation was withdrawn\./);
  });

  it("replaces the old link when the same address is invited again", async () => {
    const circle = await newCommunity();
    const first = await invite(coach, circle.id, "teacher3@riverside.example");
    const second = await invite(coach, circle.id, "teacher3@riverside.example", "observer");
    expect(second.token).not.toBe(first.token);
    const listed = (await coach.get(`/api/v1/communities/${circle.id}/invitations`)).body.items;
    expect(listed.map((i: { id: string; role: string }) => [i.id, i.role])).toEqual([
      [second.id, "observer"],
    ]);
    const elena = await t.as("teacher3@riverside.example");
    expect((await accept(elena, first.token)).status).toBe(410);
    expect((await accept(elena, second.token)).status).toBe(200);
    expect((await elena.get(`/api/v1/communities/${circle.id}`)).body.myRole).toBe("observer");
  });

  it("answers 404 for a token that never existed", async () => {
    const response = await t.anonymous.get(`/api/v1/invitations/${"x".repeat(43)}`);
    expect(response.status).toBe(404);
  });
});

describe("inviting a new address", () => {
  it("creates the account from name and password, signs them in and joins them", async () => {
    const circle = await newCommunity("Newcomers Circle");
    const { token } = await invite(coach, circle.id, "new.teacher@riverside.example");
    expect((await t.anonymous.get(`/api/v1/invitations/${token}`)).body.accountExists).toBe(false);

    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/invitations/${token}/accept`,
      payload: { name: "Nia Brooks", password: "a-strong-password" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ communityId: circle.id, signedIn: true });
    const cookie = cookieHeader(response.headers["set-cookie"]);
    expect(cookie).toMatch(/^lamplight\.session_token=/);

    const me = await t.app.inject({ url: "/api/v1/me", headers: { cookie } });
    expect(me.json().person).toMatchObject({
      name: "Nia Brooks",
      email: "new.teacher@riverside.example",
      orgRole: "educator",
    });
    const home = await t.app.inject({ url: "/api/v1/home", headers: { cookie } });
    expect(home.json().communities.map((c: { name: string }) => c.name)).toEqual(["Newcomers Circle"]);
    // The password they chose works from now on.
    expect(
      (await (await t.signIn("new.teacher@riverside.example", "a-strong-password")).get("/api/v1/me")).status,
    ).toBe(200);
  });

  it("names the missing field", async () => {
    const circle = await newCommunity();
    const { token } = await invite(coach, circle.id, "another.new@riverside.example");
    const noName = await accept(t.anonymous, token, { password: "a-strong-password" });
    expect(noName.status).toBe(400);
    expect(noName.body.errors).toEqual([{ path: "name", message: "Enter your name." }]);
    const noPassword = await accept(t.anonymous, token, { name: "Ola" });
    expect(noPassword.status).toBe(400);
    expect(noPassword.body.errors).toEqual([
      { path: "password", message: "Choose a password of at least 10 characters." },
    ]);
    const short = await accept(t.anonymous, token, { name: "Ola", password: "short" });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([{ path: "password", message: "Use at least 10 characters." }]);
    // Nothing was created by the failed attempts: the link still works.
    expect((await t.anonymous.get(`/api/v1/invitations/${token}`)).body).toMatchObject({
      status: "pending",
      accountExists: false,
    });
  });
});

describe("partners", () => {
  it("cannot be invited as members or facilitators; as partners they can", async () => {
    const circle = await newCommunity();
    for (const role of ["member", "facilitator"]) {
      const response = await coach.post(`/api/v1/communities/${circle.id}/invitations`, {
        email: "parent@riverside.example",
        role,
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { path: "role", message: "Partners join a community as a partner or an observer." },
      ]);
    }
    const { token } = await invite(coach, circle.id, "parent@riverside.example", "partner");
    const grace = await t.as("parent@riverside.example");
    expect((await accept(grace, token)).status).toBe(200);
    expect((await grace.get(`/api/v1/communities/${circle.id}`)).body.myRole).toBe("partner");
  });
});

describe("inviting into the district", () => {
  it("creates the account with the district role and schools the administrator chose", async () => {
    const admin = await t.as("admin@riverside.example");
    const elementary = await schoolId(t.db, "Riverside Elementary");
    const response = await admin.post("/api/v1/people/invitations", {
      email: "vp@riverside.example",
      name: "Vera Price",
      orgRole: "school_leader",
      schoolIds: [elementary],
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      email: "vp@riverside.example",
      role: "school_leader",
      status: "pending",
    });
    expect(
      (await admin.get("/api/v1/people/invitations")).body.items.map((i: { email: string }) => i.email),
    ).toContain("vp@riverside.example");

    const mail = await smtp.waitFor((m) => m.to.includes("vp@riverside.example"));
    expect(mail.subject).toBe("You're invited to join Riverside Unified School District on Lamplight");
    const token = tokenIn(linkIn(mail, `${PUBLIC_URL}/invitations/`));
    expect((await t.anonymous.get(`/api/v1/invitations/${token}`)).body).toMatchObject({
      community: null,
      orgRole: "school_leader",
      name: "Vera Price",
    });

    const accepted = await t.app.inject({
      method: "POST",
      url: `/api/v1/invitations/${token}/accept`,
      payload: { name: "Vera Price", password: "a-strong-password" },
    });
    expect(accepted.json()).toEqual({ communityId: null, signedIn: true });
    const vera = await t.signIn("vp@riverside.example", "a-strong-password");
    expect((await vera.get("/api/v1/me")).body.person).toMatchObject({
      orgRole: "school_leader",
      schoolIds: [elementary],
    });
    // As the leader of Riverside Elementary she sees its private communities.
    const family = await vera.get(`/api/v1/communities/${await t.communityId("Family Engagement Team")}`);
    expect(family.status).toBe(200);
    expect(family.body.can.edit).toBe(true);
  });

  it("refuses an address that already has an account, naming the field", async () => {
    const admin = await t.as("admin@riverside.example");
    const response = await admin.post("/api/v1/people/invitations", {
      email: "teacher5@riverside.example",
      orgRole: "educator",
    });
    expect(response.status).toBe(409);
    expect(response.body.errors[0]).toEqual({
      path: "email",
      message: "Aisha Rahman already has an account with this email.",
    });
  });
});

describe("accepting from home", () => {
  it("lets the addressee accept by id; for anyone else the invitation does not exist", async () => {
    const circle = await newCommunity("Home Accept Circle");
    await invite(coach, circle.id, "teacher5@riverside.example", "observer");
    const aisha = await t.as("teacher5@riverside.example");
    const waiting = (await aisha.get("/api/v1/home")).body.needsMe.find(
      (n: { communityName: string }) => n.communityName === "Home Accept Circle",
    );
    expect(waiting).toMatchObject({ kind: "invitation", role: "observer", invitedBy: "Priya Natarajan" });

    const ben = await t.as("teacher6@riverside.example");
    const stranger = await ben.post(`/api/v1/me/invitations/${waiting.invitationId}/accept`, {});
    expect(stranger.status).toBe(404);
    expect(await membershipOf(t.db, circle.id, await t.personId("teacher6@riverside.example"))).toBeNull();
    const lakeside = await t.as("admin@lakeside.example");
    expect((await lakeside.post(`/api/v1/me/invitations/${waiting.invitationId}/accept`, {})).status).toBe(
      404,
    );

    const mine = await aisha.post(`/api/v1/me/invitations/${waiting.invitationId}/accept`, {});
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({ communityId: circle.id, signedIn: true });
    expect((await aisha.get(`/api/v1/communities/${circle.id}`)).body.myRole).toBe("observer");
  });
});

describe("without an SMTP server", () => {
  let offline: TestApp;
  beforeAll(async () => {
    offline = await startTestApp();
  });
  afterAll(() => offline?.close());

  it("keeps the mail in the outbox, readable by administrators only", async () => {
    const priya = await offline.signIn("coach@riverside.example");
    const id = await offline.communityId("Grade 7 Math Team");
    const sent = await priya.post(`/api/v1/communities/${id}/invitations`, {
      email: "teacher3@riverside.example",
      role: "member",
    });
    expect(sent.status).toBe(201);
    await offline.mail.kick();

    const admin = await offline.signIn("admin@riverside.example");
    const outbox = await admin.get("/api/v1/outbox");
    expect(outbox.status).toBe(200);
    const kept = outbox.body.items.find((m: { to: string }) => m.to === "teacher3@riverside.example");
    expect(kept).toMatchObject({
      status: "kept",
      subject: "You're invited to join Grade 7 Math Team on Lamplight",
    });
    expect(kept.text).toMatch(new RegExp(`${PUBLIC_URL}/invitations/\\S+`));

    expect((await priya.get("/api/v1/outbox")).status).toBe(403);
    const lakeside = await offline.signIn("admin@lakeside.example");
    expect((await lakeside.get("/api/v1/outbox")).body.items).toEqual([]);
  });
});
