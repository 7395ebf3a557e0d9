import { createHmac } from "node:crypto";
import { hashToken } from "../../lib/ids.ts";

/**
 * A subscription token is derived from the server's secret, the person and the moment the feed was
 * (re)created, so only its hash is stored — a copy of the database does not open anyone's calendar —
 * yet the owner can be shown their URL again. Regenerating changes the moment, hence the token.
 */
export function feedToken(secret: string, personId: string, createdAt: Date): string {
  return createHmac("sha256", secret)
    .update(`calendar-feed:${personId}:${createdAt.toISOString()}`)
    .digest("base64url");
}

export const feedTokenHash = hashToken;

export const feedUrl = (publicUrl: string, token: string) => `${publicUrl}/calendar/feeds/${token}.ics`;
