import { sql } from "drizzle-orm";
import type { NotificationKind } from "../../../shared/schemas/work-enums.ts";
import type { Executor } from "../../db/client.ts";
import { newId } from "../../lib/ids.ts";

export type NotificationInput = {
  orgId: string;
  kind: NotificationKind;
  /** Who caused it (never notified of their own action); null when it was given anonymously. */
  actorId: string | null;
  /** Also never notified (e.g. the anonymous author, whose id must not be stored on the notification). */
  exceptId?: string | undefined;
  communityId: string | null;
  /** The app path it opens. */
  path: string;
  /** Names and titles the web app puts into its sentence for this kind. */
  data: Record<string, string>;
};

/**
 * Notifies people in the caller's transaction, so a notification exists exactly when the change that
 * caused it committed. Skips the actor, anyone listed twice, and people who muted this kind.
 */
export async function notify(
  db: Executor,
  recipientIds: string[],
  input: NotificationInput,
): Promise<number> {
  const skip = new Set([input.actorId, input.exceptId].filter((id): id is string => Boolean(id)));
  const recipients = [...new Set(recipientIds)].filter((id) => !skip.has(id));
  if (recipients.length === 0) return 0;
  const ids = recipients.map(() => newId());
  const result = await db.execute(sql`
    insert into notifications (id, org_id, person_id, kind, actor_id, community_id, path, data)
    select r.id, ${input.orgId}, r.person_id, ${input.kind}, ${input.actorId}, ${input.communityId},
      ${input.path}, ${JSON.stringify(input.data)}::jsonb
    from unnest(string_to_array(${ids.join(",")}, ',')::uuid[],
      string_to_array(${recipients.join(",")}, ',')::uuid[]) as r(id, person_id)
    join people p on p.id = r.person_id and p.org_id = ${input.orgId} and p.status = 'active'
    where not exists (
      select 1 from notification_mutes m where m.person_id = r.person_id and m.kind = ${input.kind})`);
  return result.rowCount ?? 0;
}
