import type { Executor } from "../db/client.ts";
import { mailOutbox } from "../db/schema/index.ts";
import { newId } from "../lib/ids.ts";

export type OutgoingMail = { orgId: string | null; to: string; subject: string; text: string; html: string };

/**
 * Queues a message in the same transaction as the change that caused it, so an invitation is never
 * committed without its mail (nor mailed without being committed). Delivery happens after commit.
 */
export async function queueMail(db: Executor, mail: OutgoingMail): Promise<void> {
  await db.insert(mailOutbox).values({ id: newId(), ...mail, status: "pending" });
}
