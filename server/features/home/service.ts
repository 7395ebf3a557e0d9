import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Home, NeedsMe } from "../../../shared/schemas/home.ts";
import { communities, invitations, memberships, people } from "../../db/schema/index.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { listCommunities } from "../communities/service.ts";
import { listMyUpcomingMeetings } from "../meetings/list.ts";

/** The home page: my communities and what is waiting for me (invitations to answer, requests to approve). */
export async function getHome(ctx: ServiceContext): Promise<Home> {
  const { actor, db } = ctx;
  const [mine, invited, requests, upcomingMeetings] = await Promise.all([
    listCommunities(ctx, { scope: "mine", includeArchived: false }),
    db
      .select({
        id: invitations.id,
        communityId: communities.id,
        communityName: communities.name,
        role: invitations.communityRole,
        invitedBy: people.name,
      })
      .from(invitations)
      .innerJoin(communities, eq(communities.id, invitations.communityId))
      .innerJoin(people, eq(people.id, invitations.invitedBy))
      .where(
        and(
          eq(invitations.orgId, actor.orgId),
          eq(invitations.email, actor.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, sql`now()`),
          isNull(communities.archivedAt),
        ),
      ),
    // Requests in the communities I facilitate (leaders see them on each community's page).
    db.execute<{ community_id: string; community_name: string; person_id: string; person_name: string }>(sql`
      select c.id as community_id, c.name as community_name, p.id as person_id, p.name as person_name
      from ${memberships} mine
      join ${communities} c on c.id = mine.community_id and c.archived_at is null
      join ${memberships} r on r.community_id = c.id and r.status = 'requested'
      join ${people} p on p.id = r.person_id
      where mine.org_id = ${actor.orgId} and mine.person_id = ${actor.id}
        and mine.status = 'active' and mine.role = 'facilitator'
      order by r.joined_at`),
    listMyUpcomingMeetings(db, actor),
  ]);
  const needsMe: NeedsMe[] = [
    ...invited.map((i) => ({
      kind: "invitation" as const,
      invitationId: i.id,
      communityId: i.communityId,
      communityName: i.communityName,
      role: i.role ?? "member",
      invitedBy: i.invitedBy,
    })),
    ...requests.rows.map((r) => ({
      kind: "join_request" as const,
      communityId: r.community_id,
      communityName: r.community_name,
      personId: r.person_id,
      personName: r.person_name,
    })),
  ];
  return { communities: mine, needsMe, upcomingMeetings };
}
