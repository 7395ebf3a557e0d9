import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../db/seed/demo-data.ts";
import { startTestApp, type TestApp } from "../test/app.ts";
import { cloneDatabase } from "../test/database.ts";
import { freePort } from "../test/global-setup.ts";
import { auditEvents, communities, idempotencyKeys, invitations, mailOutbox } from "./schema/index.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The real server (`node server/main.ts start`) as a child process on a port chosen beforehand. */
async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["server/main.ts", "start"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      SMTP_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`the server did not become healthy in 30 s:\n${output}`);
}

const killHard = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

describe("a hard kill of the server", () => {
  let database: Awaited<ReturnType<typeof cloneDatabase>>;
  let server: ChildProcess | null = null;
  beforeAll(async () => {
    database = await cloneDatabase();
  });
  afterAll(async () => {
    if (server) await killHard(server);
    await database?.drop();
  });

  it("loses nothing it answered 201 for, and keeps people signed in", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = await startServer(database.url, port);

    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email: "coach@riverside.example", password: DEMO_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");

    const name = "Survives a Power Cut";
    const created = await fetch(`${base}/api/v1/communities`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: base },
      body: JSON.stringify({ name, kind: "other", norms: ["Save often."] }),
    });
    // The moment the 201 arrives — before even reading its body — the process dies.
    expect(created.status).toBe(201);
    await killHard(server);
    expect(server.signalCode).toBe("SIGKILL");

    server = await startServer(database.url, port);
    const mine = await fetch(`${base}/api/v1/communities?scope=mine&q=${encodeURIComponent(name)}`, {
      headers: { cookie },
    });
    expect(mine.status).toBe(200);
    const { items } = (await mine.json()) as { items: { id: string; name: string; myRole: string }[] };
    expect(items).toEqual([expect.objectContaining({ name, myRole: "facilitator" })]);
    const page = await fetch(`${base}/api/v1/communities/${items[0]?.id}`, { headers: { cookie } });
    expect(await page.json()).toMatchObject({
      name,
      norms: ["Save often."],
      members: [{ name: "Priya Natarajan" }],
    });
  });
});

describe("a write that fails part-way", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // Make the database refuse one step in the middle of two writes, as a full disk or a bug would.
    await t.db.execute(sql`
      create function refuse_for_test() returns trigger language plpgsql as $$
      begin
        if tg_table_name = 'memberships'
          and exists (select 1 from communities where id = new.community_id and name like 'Doomed%') then
          raise exception 'refused by the test';
        end if;
        if tg_table_name = 'mail_outbox' and new.to_address like 'doomed%' then
          raise exception 'refused by the test';
        end if;
        return new;
      end $$`);
    await t.db.execute(sql`create trigger refuse_membership before insert on memberships
      for each row execute function refuse_for_test()`);
    await t.db.execute(sql`create trigger refuse_mail before insert on mail_outbox
      for each row execute function refuse_for_test()`);
  });
  afterAll(() => t?.close());

  it("creates no community when its first membership cannot be written", async () => {
    const coach = await t.signIn("coach@riverside.example");
    const response = await coach.post(
      "/api/v1/communities",
      { name: "Doomed Community", kind: "other" },
      { "idempotency-key": "doomed-0000-0001" },
    );
    expect(response.status).toBe(500);
    expect(response.body.detail).toMatch(/^Nothing was changed\./);
    expect(JSON.stringify(response.body)).not.toContain("refused by the test");

    expect(await t.db.select().from(communities).where(eq(communities.name, "Doomed Community"))).toEqual([]);
    const audited = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "community.created"),
          sql`${auditEvents.details}->>'name' = 'Doomed Community'`,
        ),
      );
    expect(audited).toEqual([]);
    // The retry key was not spent on the failure: the same request, once possible, creates it.
    expect(
      await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "doomed-0000-0001")),
    ).toEqual([]);
    expect((await coach.get("/api/v1/communities?scope=mine&q=Doomed")).body.items).toEqual([]);
  });

  it("records no invitation when its mail cannot be queued", async () => {
    const coach = await t.signIn("coach@riverside.example");
    const team = await t.communityId("Grade 7 Math Team");
    const response = await coach.post(`/api/v1/communities/${team}/invitations`, {
      email: "doomed.invitee@riverside.example",
      role: "member",
    });
    expect(response.status).toBe(500);
    expect(
      await t.db.select().from(invitations).where(eq(invitations.email, "doomed.invitee@riverside.example")),
    ).toEqual([]);
    expect(
      await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, "doomed.invitee@riverside.example")),
    ).toEqual([]);
    expect((await coach.get(`/api/v1/communities/${team}/invitations`)).body.items).toEqual([]);
  });
});
