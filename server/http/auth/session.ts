import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { people, sessions } from "../../db/schema/index.ts";
import type { Actor } from "./plugin.ts";
import { cachedSession, cacheGeneration, rememberSession } from "./session-cache.ts";
import { SESSION_EXPIRES_IN_S, SESSION_RENEW_AFTER_S } from "./session-lifetime.ts";

/**
 * Reads the signed-in person from the session cookie Better Auth set: checks its HMAC signature, then
 * one indexed query (session joined to person), remembered briefly. This is the hot path of every API
 * request; Better Auth's own getSession does the same with more round trips.
 */
export function createSessionResolver(db: Db, secret: string, cookieName: string) {
  return async function resolve(
    cookieHeader: string | undefined,
  ): Promise<{ actor: Actor; token: string; renewed: { signed: string; expiresAt: Date } | null } | null> {
    const signed = cookieValue(cookieHeader, cookieName);
    if (!signed) return null;
    const cached = cachedSession(signed);
    if (cached) return { actor: cached.actor, token: cached.token, renewed: null };
    const token = verifiedToken(signed, secret);
    if (!token) return null;
    const since = cacheGeneration();
    const [row] = await db
      .select({
        id: people.id,
        orgId: people.orgId,
        orgRole: people.orgRole,
        name: people.name,
        email: people.email,
        status: people.status,
        expiresAt: sessions.expiresAt,
        schoolIds: sql<
          string[]
        >`array(select ps.school_id from person_schools ps where ps.person_id = ${people.id})`,
      })
      .from(sessions)
      .innerJoin(people, eq(people.id, sessions.userId))
      .where(and(eq(sessions.token, token), gt(sessions.expiresAt, sql`now()`)));
    if (row?.status !== "active") return null;
    const actor: Actor = {
      id: row.id,
      orgId: row.orgId,
      orgRole: row.orgRole,
      name: row.name,
      email: row.email,
      schoolIds: row.schoolIds,
    };
    const renewedUntil = await renewIfDue(db, token, row.expiresAt);
    const expiresAt = renewedUntil ?? row.expiresAt;
    rememberSession(signed, token, actor, expiresAt.getTime(), since);
    return { actor, token, renewed: renewedUntil ? { signed, expiresAt: renewedUntil } : null };
  };
}

/**
 * Sliding sessions: a session in use is extended to SESSION_EXPIRES_IN_S from now, at most once per
 * SESSION_RENEW_AFTER_S (the caller re-sends the cookie with the new lifetime). Returns the new expiry.
 */
async function renewIfDue(db: Db, token: string, expiresAt: Date): Promise<Date | null> {
  const remaining = (expiresAt.getTime() - Date.now()) / 1000;
  if (remaining > SESSION_EXPIRES_IN_S - SESSION_RENEW_AFTER_S) return null;
  const [row] = await db
    .update(sessions)
    .set({ expiresAt: sql`now() + make_interval(secs => ${SESSION_EXPIRES_IN_S})`, updatedAt: sql`now()` })
    .where(eq(sessions.token, token))
    .returning({ expiresAt: sessions.expiresAt });
  return row?.expiresAt ?? null;
}

/** The session token from the cookie header, or null when absent or forged. */
export function tokenFrom(
  cookieHeader: string | undefined,
  cookieName: string,
  secret: string,
): string | null {
  const signed = cookieValue(cookieHeader, cookieName);
  return signed ? verifiedToken(signed, secret) : null;
}

/** The raw (still URL-encoded, signed) value of one cookie. */
function cookieValue(cookieHeader: string | undefined, cookieName: string): string | null {
  if (!cookieHeader) return null;
  const prefix = `${cookieName}=`;
  for (const part of cookieHeader.split(";")) {
    const trimmed = part.trim();
    if (trimmed.startsWith(prefix)) return trimmed.slice(prefix.length) || null;
  }
  return null;
}

/** `token.signature` (URL-encoded) → token, when the HMAC signature is ours. */
function verifiedToken(raw: string, secret: string): string | null {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return null;
  const token = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1), "base64");
  const expected = createHmac("sha256", secret).update(token).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}
