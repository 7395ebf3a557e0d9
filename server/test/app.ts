import { rm } from "node:fs/promises";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../app.ts";
import type { Db } from "../db/client.ts";
import { communities, people } from "../db/schema/index.ts";
import { DEMO_PASSWORD } from "../db/seed/demo-data.ts";
import { MailDelivery } from "../mail/delivery.ts";
import { type LocalStore, temporaryStore } from "../storage/index.ts";
import { cloneDatabase } from "./database.ts";

// biome-ignore lint/suspicious/noExplicitAny: a test reads whatever JSON the API answered, asserting its shape as it goes.
export type Response = { status: number; body: any; headers: Record<string, unknown> };
export type Client = {
  cookie: string;
  get: (url: string) => Promise<Response>;
  post: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;
  patch: (url: string, body?: unknown) => Promise<Response>;
  put: (url: string, body?: unknown) => Promise<Response>;
  delete: (url: string) => Promise<Response>;
};

export type TestApp = {
  app: FastifyInstance;
  db: Db;
  mail: MailDelivery;
  /** Where this app keeps uploaded files (a temporary folder, removed on close). */
  store: LocalStore;
  /** Signs in (demo password by default) and returns a client carrying a new session cookie. */
  signIn: (email: string, password?: string) => Promise<Client>;
  /**
   * One signed-in client per person for the whole file (password checks are slow on purpose). Use
   * `signIn` instead when the test signs out, deactivates or resets the password of that person.
   */
  as: (email: string) => Promise<Client>;
  anonymous: Client;
  communityId: (name: string) => Promise<string>;
  personId: (email: string) => Promise<string>;
  close: () => Promise<void>;
};

export const PUBLIC_URL = "http://localhost:3000";

/** The whole app on its own cloned database, driven through Fastify's inject (full HTTP pipeline). */
export async function startTestApp(
  options: {
    smtpUrl?: string;
    signInPerMinute?: number;
    writesPerMinute?: number;
    fileSizeLimitBytes?: number;
  } = {},
): Promise<TestApp> {
  const database = await cloneDatabase();
  const mail = new MailDelivery(database.db, options.smtpUrl, "Lamplight <lamplight@riverside.example>", {
    warn: () => {},
  });
  const store = await temporaryStore();
  const app = await buildApp({
    files: { store, sizeLimitBytes: options.fileSizeLimitBytes ?? 5 * 1024 * 1024 },
    db: database.db,
    publicUrl: PUBLIC_URL,
    authSecret: "test-secret-test-secret-test-secret-42",
    mail,
    logLevel: "silent",
    signInPerMinute: options.signInPerMinute ?? 10_000,
    writesPerMinute: options.writesPerMinute ?? 100_000,
  });
  await app.ready();

  const client = (cookie: string): Client => {
    const send = async (
      method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
      url: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => {
      const response = await app.inject({
        method,
        url,
        headers: {
          ...(cookie ? { cookie } : {}),
          // As a browser does: a state-changing request names the page's origin (CSRF checks read it).
          ...(method !== "GET" ? { origin: PUBLIC_URL } : {}),
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
          ...headers,
        },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
      const text = response.body;
      return { status: response.statusCode, body: text ? safeJson(text) : null, headers: response.headers };
    };
    return {
      cookie,
      get: (url) => send("GET", url),
      post: (url, body = {}, headers) => send("POST", url, body, headers),
      patch: (url, body = {}) => send("PATCH", url, body),
      put: (url, body = {}) => send("PUT", url, body),
      delete: (url) => send("DELETE", url),
    };
  };

  const signIn = async (email: string, password = DEMO_PASSWORD) => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email, password },
    });
    if (response.statusCode !== 200)
      throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
    return client(cookieHeader(response.headers["set-cookie"]));
  };
  const sessions = new Map<string, Promise<Client>>();

  return {
    app,
    db: database.db,
    mail,
    store,
    anonymous: client(""),
    signIn,
    as: (email) => {
      const known = sessions.get(email) ?? signIn(email);
      sessions.set(email, known);
      return known;
    },
    communityId: async (name) => {
      const [row] = await database.db
        .select({ id: communities.id })
        .from(communities)
        .where(eq(communities.name, name));
      if (!row) throw new Error(`no community named ${name}`);
      return row.id;
    },
    personId: async (email) => {
      const [row] = await database.db.select({ id: people.id }).from(people).where(eq(people.email, email));
      if (!row) throw new Error(`no person ${email}`);
      return row.id;
    },
    close: async () => {
      await app.close();
      await mail.stop();
      await database.drop();
      await rm(store.root, { recursive: true, force: true });
    },
  };
}

/** `Set-Cookie` headers → the `Cookie` header a browser would send back. */
export function cookieHeader(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.map((c) => c.split(";")[0]).join("; ");
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
