import { sql } from "drizzle-orm";
import type { Executor, Tx } from "../../db/client.ts";
import { minutes } from "../../db/schema/index.ts";
import { buildRecord } from "./record.ts";

/**
 * Writes a meeting's minutes (attendance, items, steps, contributions, notes, decisions, action items)
 * when the meeting ends. Called by the live room inside the transaction that ends the meeting; safe to
 * call twice: there is one minutes row per meeting, and a second call refreshes its record while keeping
 * the summary the facilitator wrote.
 */
export async function generateMinutes(
  tx: Tx | Executor,
  meeting: { id: string; orgId: string; communityId: string },
): Promise<void> {
  const record = await buildRecord(tx, meeting.id);
  await tx
    .insert(minutes)
    .values({ meetingId: meeting.id, orgId: meeting.orgId, communityId: meeting.communityId, record })
    .onConflictDoUpdate({
      target: minutes.meetingId,
      set: { record, generatedAt: sql`now()` },
    });
}
