import type { Tx } from "../../db/client.ts";

/**
 * Writes a meeting's minutes (attendance, items, steps, contributions, notes) when the meeting ends.
 * Called by the live room inside the transaction that ends the meeting; safe to call twice.
 */
export async function generateMinutes(
  _tx: Tx,
  _meeting: { id: string; orgId: string; communityId: string },
): Promise<void> {
  // Filled in by the minutes feature.
}
