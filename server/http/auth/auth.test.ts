import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communities, mailOutbox, sessions } from "../../db/schema/index.ts";
import { DEMO_PASSWORD } from "../../db/seed/demo-data.ts";
import { type Client, cookieHeader, PUBLIC_URL, startTestApp, type TestApp } from "../../test/app.ts";
import { linkIn, type Mailbox, startSmtpServer } from "../../test/smtp.ts";

let t: TestApp;
let smtp: Mailbox;
let admin: Client;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await startTestApp({ smtpUrl: smtp.url });
  admin = await t.signIn("admin@riverside.example");
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const signIn = (
  email: string,
  password: string,
  extra: { remoteAddress?: string; headers?: Record<string, string> } = {},
) =>
  t.app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    payload: { email, password },
    ...(extra.remoteAddress ? { remoteAddress: extra.remoteAddress } : {}),
    headers: extra.headers ?? {},
  });

describe("signing in and out", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie that opens the API", async () => {
    const response = await signIn("teacher1@riverside.example", DEMO_PASSWORD);
    expect(response.statusCode).toBe(200);
    const [cookie] = [response.headers["set-cookie"]].flat();
    expect(cookie).toMatch(/^lamplight\.session_token=/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    const me = await t.app.inject({
      url: "/api/v1/me",
      headers: { cookie: cookieHeader(response.headers["set-cookie"]) },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().person.name).toBe("Jordan Lee");
  });

  it("signs out: the cookie is cleared and the old one no longer works", async () => {
    const teacher = await t.signIn("teacher1@riverside.example");
    const out = await teacher.post("/api/auth/sign-out", {});
    expect(out.status).toBe(200);
    expect(String(out.headers["set-cookie"])).toMatch(/lamplight\.session_token=; Max-Age=0/);
    const me = await teacher.get("/api/v1/me");
    expect(me.status).toBe(401);
    expect(me.body).toMatchObject({ title: "Sign in required", detail: "Please sign in to continue." });
  });

  it("keeps a session in use alive: one last renewed two days ago is extended to 14 days and its cookie re-sent", async () => {
    const response = await signIn("teacher6@riverside.example", DEMO_PASSWORD);
    const cookie = cookieHeader(response.headers["set-cookie"]);
    const personId = await t.personId("teacher6@riverside.example");
    await t.db
      .update(sessions)
      .set({ expiresAt: sql`now() + interval '12 days'` })
      .where(eq(sessions.userId, personId));

    const me = await t.app.inject({ url: "/api/v1/me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const renewed = String(me.headers["set-cookie"]);
    expect(renewed).toContain(cookie);
    const maxAge = Number(renewed.match(/Max-Age=(\d+)/)?.[1]);
    expect(maxAge).toBeGreaterThan(60 * 60 * 24 * 13.9);
    expect(renewed).toMatch(/; HttpOnly/);
    expect(renewed).toMatch(/; SameSite=Lax/);
    const [session] = await t.db.select().from(sessions).where(eq(sessions.userId, personId));
    expect(session?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 1000 * 60 * 60 * 24 * 13.9);

    // A session renewed less than a day ago is left as it is.
    const fresh = await signIn("teacher7@riverside.example", DEMO_PASSWORD);
    const again = await t.app.inject({
      url: "/api/v1/me",
      headers: { cookie: cookieHeader(fresh.headers["set-cookie"]) },
    });
    expect(again.headers["set-cookie"]).toBeUndefined();
  });

  it("refuses a wrong password with Better Auth's message, and an unknown address the same way", async () => {
    const wrong = await signIn("teacher1@riverside.example", "not-the-password");
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ message: "Invalid email or password" });
    expect(wrong.headers["set-cookie"]).toBeUndefined();
    const unknown = await signIn("nobody@riverside.example", "not-the-password");
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().message).toBe(wrong.json().message);
  });
});

describe("the sign-in rate limit", () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ signInPerMinute: 3 });
  });
  afterAll(() => limited?.close());

  const attempt = (password: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    limited.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email: "teacher2@riverside.example", password },
      remoteAddress,
      headers,
    });

  it("refuses the 4th attempt in a minute from one address, even with the right password", async () => {
    const address = "198.51.100.7";
    for (const _ of [1, 2, 3]) expect((await attempt("guess-guess-guess", address)).statusCode).toBe(401);
    const fourth = await attempt(DEMO_PASSWORD, address);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().message).toMatch(/too many requests/i);
    expect(fourth.headers["set-cookie"]).toBeUndefined();
  });

  it("cannot be escaped by claiming another address in a forwarding header", async () => {
    const address = "198.51.100.8";
    for (const _ of [1, 2, 3]) await attempt("guess-guess-guess", address);
    const spoofed = await attempt(DEMO_PASSWORD, address, {
      "x-forwarded-for": "203.0.113.99",
      "x-real-ip": "203.0.113.99",
      "x-lamplight-client-ip": "203.0.113.99",
    });
    expect(spoofed.statusCode).toBe(429);
  });

  it("limits each address on its own", async () => {
    for (const _ of [1, 2, 3]) await attempt("guess-guess-guess", "198.51.100.9");
    expect((await attempt(DEMO_PASSWORD, "198.51.100.10")).statusCode).toBe(200);
  });
});

describe("the identity library's other endpoints", () => {
  it.each([
    ["POST", "/api/auth/update-user", { name: "x".repeat(5000) }],
    ["POST", "/api/auth/update-user", { name: "" }],
    [
      "POST",
      "/api/auth/change-password",
      { currentPassword: DEMO_PASSWORD, newPassword: "another-password-1" },
    ],
    ["GET", "/api/auth/list-sessions", undefined],
    ["POST", "/api/auth/revoke-other-sessions", {}],
    ["GET", "/api/auth/get-session", undefined],
  ] as const)("are not reachable: %s %s", async (method, path, body) => {
    const jordan = await t.as("teacher1@riverside.example");
    const response = method === "GET" ? await jordan.get(path) : await jordan.post(path, body);
    expect(response.status).toBe(404);
    // The profile route, with its validation, is the one way to change a name.
    const me = (await jordan.get("/api/v1/me")).body.person;
    expect(me.name).toBe("Jordan Lee");
    if (path.endsWith("change-password"))
      expect((await signIn("teacher1@riverside.example", DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe("a deactivated person", () => {
  it("is signed out at once, cannot sign in, keeps their memberships, and returns when reactivated", async () => {
    const samuel = await t.signIn("teacher2@riverside.example");
    const id = await t.personId("teacher2@riverside.example");
    expect((await samuel.get("/api/v1/me")).status).toBe(200);

    const off = await admin.patch(`/api/v1/people/${id}`, { status: "deactivated" });
    expect(off.status).toBe(200);
    expect(off.body.status).toBe("deactivated");

    expect((await samuel.get("/api/v1/me")).status).toBe(401);
    expect((await samuel.get("/api/v1/home")).status).toBe(401);
    const refused = await signIn("teacher2@riverside.example", DEMO_PASSWORD);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe(
      "This account has been deactivated. Ask your district administrator for help.",
    );
    expect(refused.headers["set-cookie"]).toBeUndefined();

    // What they were part of stays as it was.
    const coach = await t.as("coach@riverside.example");
    const team = await coach.get(`/api/v1/communities/${await t.communityId("Grade 7 Math Team")}`);
    expect(team.body.members.map((m: { name: string }) => m.name)).toContain("Samuel Okafor");
    const listed = await admin.get("/api/v1/people?status=deactivated");
    expect(listed.body.items.map((p: { name: string }) => p.name)).toEqual(["Samuel Okafor"]);

    const on = await admin.patch(`/api/v1/people/${id}`, { status: "active" });
    expect(on.body.status).toBe("active");
    const back = await t.signIn("teacher2@riverside.example");
    expect((await back.get("/api/v1/me")).body.person.name).toBe("Samuel Okafor");
  });
});

describe("a deactivation that a request of the person races", () => {
  it("still ends their session the moment the administrator's change is saved", async () => {
    const chris = await t.signIn("teacher4@riverside.example");
    const id = await t.personId("teacher4@riverside.example");
    expect((await chris.get("/api/v1/me")).status).toBe(200);

    // Hold the person's row, so the deactivation stops half-way through its transaction.
    const holder = await t.db.$client.connect();
    try {
      await holder.query("begin");
      await holder.query("select 1 from people where id = $1 for update", [id]);
      const deactivating = admin.patch(`/api/v1/people/${id}`, { status: "deactivated" });
      await waitFor(async () => {
        const { rows } = await holder.query(
          "select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()",
        );
        return rows[0].n > 0;
      });
      // Not saved yet: they are still signed in.
      expect((await chris.get("/api/v1/me")).status).toBe(200);
      await holder.query("rollback");
      expect((await deactivating).status).toBe(200);
    } finally {
      holder.release();
    }
    expect((await chris.get("/api/v1/me")).status).toBe(401);
    await admin.patch(`/api/v1/people/${id}`, { status: "active" });
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("resetting a forgotten password by email", () => {
  it("mails a link over SMTP; following it sets a new password and ends every old session", async () => {
    const email = "teacher4@riverside.example";
    const oldSession = await t.signIn(email);

    const asked = await t.anonymous.post("/api/auth/request-password-reset", {
      email,
      redirectTo: "/reset-password",
    });
    expect(asked.status).toBe(200);

    const mail = await smtp.waitFor((m) => m.to.includes(email) && /password/i.test(m.subject));
    expect(mail.subject).toBe("Reset your Lamplight password");
    expect(mail.from).toBe("lamplight@riverside.example");
    const link = linkIn(mail, `${PUBLIC_URL}/api/auth/reset-password/`);
    expect(mail.html).toContain("Choose a new password");

    // The emailed link checks the token, then sends the browser to the app's reset form.
    const opened = await t.app.inject({ url: link.slice(PUBLIC_URL.length) });
    expect(opened.statusCode).toBe(302);
    const form = new URL(String(opened.headers.location), PUBLIC_URL);
    expect(form.pathname).toBe("/reset-password");
    const token = form.searchParams.get("token") ?? "";
    expect(token.length).toBeGreaterThan(10);

    const reset = await t.anonymous.post("/api/auth/reset-password", {
      newPassword: "a-brand-new-password",
      token,
    });
    expect(reset.status).toBe(200);

    expect((await oldSession.get("/api/v1/me")).status).toBe(401);
    expect((await signIn(email, DEMO_PASSWORD)).statusCode).toBe(401);
    const fresh = await t.signIn(email, "a-brand-new-password");
    expect((await fresh.get("/api/v1/me")).body.person.email).toBe(email);

    const again = await t.anonymous.post("/api/auth/reset-password", {
      newPassword: "yet-another-one-1",
      token,
    });
    expect(again.status).toBe(400);
  });

  it("does not let an administrator read a reset link that went out by email", async () => {
    const email = "teacher5@riverside.example";
    await t.anonymous.post("/api/auth/request-password-reset", { email, redirectTo: "/reset-password" });
    const mail = await smtp.waitFor((m) => m.to.includes(email) && /password/i.test(m.subject));
    const link = linkIn(mail, `${PUBLIC_URL}/api/auth/reset-password/`);

    const admin = await t.signIn("admin@riverside.example");
    const outbox = await admin.get("/api/v1/outbox");
    const listed = outbox.body.items.find((m: { to: string }) => m.to === email);
    expect(listed).toMatchObject({ subject: "Reset your Lamplight password", status: "sent", text: null });
    expect(JSON.stringify(outbox.body)).not.toContain(link.slice(PUBLIC_URL.length));
  });

  it("answers the same for an unknown address and mails nobody", async () => {
    const asked = await t.anonymous.post("/api/auth/request-password-reset", {
      email: "stranger@nowhere.example",
      redirectTo: "/reset-password",
    });
    expect(asked.status).toBe(200);
    const queued = await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, "stranger@nowhere.example"));
    expect(queued).toEqual([]);
  });
});

describe("requests from other sites", () => {
  const body = { name: "Planted by another site", kind: "other" };
  const created = async () =>
    (await t.db.select().from(communities).where(eq(communities.name, body.name))).length;

  it("refuses a state-changing request with a foreign Origin, and creates nothing", async () => {
    const coach = await t.as("coach@riverside.example");
    const response = await coach.post("/api/v1/communities", body, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(response.body.detail).toBe("Requests from other sites are refused.");
    expect(await created()).toBe(0);
  });

  it("refuses one a browser marks Sec-Fetch-Site: cross-site", async () => {
    const coach = await t.as("coach@riverside.example");
    const response = await coach.post("/api/v1/communities", body, { "sec-fetch-site": "cross-site" });
    expect(response.status).toBe(403);
    expect(await created()).toBe(0);
  });

  it("refuses a sign-in posted from another site", async () => {
    const response = await signIn("coach@riverside.example", DEMO_PASSWORD, {
      headers: { origin: "https://evil.example" },
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers["set-cookie"]).toBeUndefined();
  });

  it("signs in from another of the server's own addresses (127.0.0.1 where PUBLIC_URL says localhost)", async () => {
    const response = await signIn("coach@riverside.example", DEMO_PASSWORD, {
      headers: {
        origin: "http://127.0.0.1:3000",
        host: "127.0.0.1:3000",
        "sec-fetch-mode": "cors",
        "sec-fetch-site": "same-origin",
      },
    });
    expect(response.statusCode).toBe(200);
    expect(String(response.headers["set-cookie"])).toMatch(/^lamplight\.session_token=/);
  });

  it("accepts the app's own origin", async () => {
    const coach = await t.as("coach@riverside.example");
    const response = await coach.post(
      "/api/v1/communities",
      { ...body, name: "Made on our own site" },
      { origin: PUBLIC_URL, "sec-fetch-site": "same-origin" },
    );
    expect(response.status).toBe(201);
  });
});

describe("security headers", () => {
  it.each([
    ["an API answer", "/api/v1/me"],
    ["a problem answer", "/api/v1/nothing-here"],
    ["the health check", "/healthz"],
  ])("are on %s", async (_what, path) => {
    const response = await t.app.inject({ url: path, headers: { cookie: admin.cookie } });
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
  });
});
