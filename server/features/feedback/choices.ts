import { sql } from "drizzle-orm";
import type { ArtifactChoices } from "../../../shared/schemas/feedback.ts";
import { forbidden } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { loadCommunity } from "../communities/load.ts";
import { canManage } from "../communities/policy.ts";

/** Enough of a community's work samples to pick one to present on an agenda item. */
const MAX_CHOICES = 200;

/**
 * The community's open artifacts (id and title, most recently changed first), for the facilitator who
 * links one to a protocol run. Those who build agendas — facilitators and leaders — may list them.
 */
export async function artifactChoices(ctx: ServiceContext, communityId: string): Promise<ArtifactChoices> {
  const { access } = await loadCommunity(ctx.db, ctx.actor, communityId);
  if (!canManage(access)) throw forbidden("Only the community's facilitators and leaders build its agendas.");
  const result = await ctx.db.execute<{ id: string; title: string }>(sql`
    select id, title from artifacts
    where community_id = ${communityId} and org_id = ${ctx.actor.orgId} and archived_at is null
    order by updated_at desc, id
    limit ${MAX_CHOICES}`);
  return { items: result.rows };
}
