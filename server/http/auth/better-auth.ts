import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { accounts, people, sessions, verifications } from "../../db/schema/index.ts";
import { recordAudit } from "../../features/audit/record.ts";
import { newId } from "../../lib/ids.ts";
import { queueMail } from "../../mail/outbox.ts";
import { mailWords, renderMail } from "../../mail/templates.ts";
import { CLIENT_IP_HEADER } from "./client-ip.ts";
import { forgetPerson } from "./session-cache.ts";
import { SESSION_EXPIRES_IN_S, SESSION_RENEW_AFTER_S } from "./session-lifetime.ts";

export type AuthOptions = {
  db: Db;
  secret: string;
  publicUrl: string;
  /** Sign-in attempts allowed per client address per minute. */
  signInPerMinute: number;
  onMailQueued: () => void;
};

/**
 * Identity through Better Auth on Lamplight's own tables: email + password sign-in (scrypt hashes),
 * sessions in HttpOnly cookies, password reset by mail, rate-limited sign-in. There is no open sign-up:
 * accounts are created by accepting an invitation (features/invitations).
 */
export function createAuth(options: AuthOptions) {
  const { db } = options;
  return betterAuth({
    appName: "Lamplight",
    baseURL: options.publicUrl,
    basePath: "/api/auth",
    secret: options.secret,
    // PUBLIC_URL, and the request's own origin: Lamplight opened at another of its addresses (127.0.0.1
    // rather than localhost) still signs in, while a page on any other site is refused (CSRF).
    trustedOrigins: (request) => [options.publicUrl, request ? new URL(request.url).origin : undefined],
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: people, session: sessions, account: accounts, verification: verifications },
    }),
    user: {
      additionalFields: {
        orgId: { type: "string", input: false, required: true },
        orgRole: { type: "string", input: false, required: true },
        status: { type: "string", input: false, required: true },
      },
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url }) => {
        const person = await db.query.people.findFirst({ where: eq(people.id, user.id) });
        if (person?.status !== "active") return;
        const w = mailWords(person.language);
        await queueMail(db, {
          orgId: person.orgId,
          to: person.email,
          ...renderMail(w.resetSubject, [w.resetBody], { label: w.resetAction, url }, [w.resetIgnore]),
        });
        options.onMailQueued();
      },
      onPasswordReset: async ({ user }) => {
        forgetPerson(user.id);
        const person = await db.query.people.findFirst({ where: eq(people.id, user.id) });
        if (person)
          await recordAudit(db, { orgId: person.orgId, actorId: person.id, action: "auth.password_reset" });
      },
    },
    session: { expiresIn: SESSION_EXPIRES_IN_S, updateAge: SESSION_RENEW_AFTER_S },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: 60, max: options.signInPerMinute },
        "/request-password-reset": { window: 60, max: 5 },
        "/reset-password": { window: 60, max: 10 },
      },
    },
    advanced: {
      cookiePrefix: "lamplight",
      // Better Auth skips its origin (CSRF) check when NODE_ENV=test; Lamplight checks in every environment,
      // so tests exercise exactly what production runs.
      disableOriginCheck: false,
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: () => newId() },
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated person keeps their contributions but can no longer sign in.
          before: async (session) => {
            const person = await db.query.people.findFirst({ where: eq(people.id, session.userId) });
            if (person?.status !== "active") {
              throw new APIError("FORBIDDEN", {
                code: "ACCOUNT_DEACTIVATED",
                message: "This account has been deactivated. Ask your district administrator for help.",
              });
            }
          },
          after: async (session) => {
            const person = await db.query.people.findFirst({ where: eq(people.id, session.userId) });
            if (person) {
              await recordAudit(db, {
                orgId: person.orgId,
                actorId: person.id,
                action: "auth.sign_in",
                subjectType: "person",
                subjectId: person.id,
                ip: session.ipAddress ?? null,
              });
            }
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
