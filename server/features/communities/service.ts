import { and, asc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import type {
  CommunityInput,
  CommunitySummary,
  CommunityUpdate,
} from "../../../shared/schemas/communities.ts";
import type { Executor } from "../../db/client.ts";
import { communities, communitySchools, memberships, personSchools } from "../../db/schema/index.ts";
import { forbidden } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { containsPattern } from "../../lib/like.ts";
import { recordAudit } from "../audit/record.ts";
import { orgPolicy } from "../people/policy.ts";
import { checkSchoolsInOrg } from "../schools/check.ts";
import { loadCommunity, loadCommunityCached, presentCommunity } from "./load.ts";
import { canManage } from "./policy.ts";

/** Creates a community; its creator becomes its first facilitator. */
export async function createCommunity(ctx: ServiceContext, input: CommunityInput) {
  const { actor } = ctx;
  if (!orgPolicy.createCommunity(actor)) throw forbidden("Partners cannot create communities.");
  return ctx.db.transaction(async (tx) => {
    await checkSchoolsInOrg(tx, actor.orgId, input.schoolIds);
    const id = newId();
    await tx.insert(communities).values({ id, orgId: actor.orgId, createdBy: actor.id, ...fields(input) });
    await setSchools(tx, actor.orgId, id, input.schoolIds);
    await tx.insert(memberships).values({
      orgId: actor.orgId,
      communityId: id,
      personId: actor.id,
      role: "facilitator",
      status: "active",
    });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: actor.id,
      action: "community.created",
      subjectType: "community",
      subjectId: id,
      details: { name: input.name },
    });
    return presentCommunity(await loadCommunity(tx, actor, id));
  });
}

/** Changes the fields sent; facilitators, the district's administrators and its schools' leaders may. */
export async function updateCommunity(ctx: ServiceContext, id: string, input: CommunityUpdate) {
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadCommunity(tx, ctx.actor, id, true);
    if (!canManage(loaded.access))
      throw forbidden("Only the community's facilitators and leaders can edit it.");
    if (loaded.access.archived) throw forbidden("Restore this community before editing it.");
    if (input.schoolIds) {
      await checkSchoolsInOrg(tx, ctx.actor.orgId, input.schoolIds);
      await setSchools(tx, ctx.actor.orgId, id, input.schoolIds);
    }
    const changes = fields(input);
    await tx
      .update(communities)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(and(eq(communities.id, id), eq(communities.orgId, ctx.actor.orgId)));
    return presentCommunity(await loadCommunity(tx, ctx.actor, id));
  });
}

/** Archives (or restores) a community: it leaves lists but everything in it is kept. */
export async function setArchived(ctx: ServiceContext, id: string, archived: boolean) {
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadCommunity(tx, ctx.actor, id, true);
    if (!canManage(loaded.access))
      throw forbidden("Only the community's facilitators and leaders can archive it.");
    if (loaded.access.archived === archived) return presentCommunity(loaded);
    await tx
      .update(communities)
      .set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()` })
      .where(eq(communities.id, id));
    await recordAudit(tx, {
      orgId: ctx.actor.orgId,
      actorId: ctx.actor.id,
      action: archived ? "community.archived" : "community.restored",
      subjectType: "community",
      subjectId: id,
      details: { name: loaded.row.name },
    });
    return presentCommunity(await loadCommunity(tx, ctx.actor, id));
  });
}

/** A community page as the actor may see it (served from the read cache; writes clear it). */
export async function getCommunity(ctx: ServiceContext, id: string) {
  return presentCommunity(await loadCommunityCached(ctx.db, ctx.actor, id));
}

type ListQuery = { scope: "mine" | "discover" | "all"; q?: string | undefined; includeArchived: boolean };

/**
 * Lists communities: `mine` (active or requested memberships), `discover` (district-visible ones I am not
 * in), `all` (everything I may read: administrators see the whole district, school leaders their schools').
 */
export async function listCommunities(ctx: ServiceContext, query: ListQuery): Promise<CommunitySummary[]> {
  const { actor, db } = ctx;
  const mine = db
    .select({ communityId: memberships.communityId })
    .from(memberships)
    .where(and(eq(memberships.personId, actor.id), inArray(memberships.status, ["active", "requested"])));
  const ledSchools = db
    .select({ communityId: communitySchools.communityId })
    .from(communitySchools)
    .innerJoin(personSchools, eq(personSchools.schoolId, communitySchools.schoolId))
    .where(eq(personSchools.personId, actor.id));
  const readable =
    actor.orgRole === "administrator"
      ? sql`true`
      : or(
          inArray(communities.id, mine),
          actor.orgRole === "partner" ? sql`false` : eq(communities.visibility, "organization"),
          actor.orgRole === "school_leader" ? inArray(communities.id, ledSchools) : sql`false`,
        );
  const scope =
    query.scope === "mine"
      ? inArray(communities.id, mine)
      : query.scope === "discover"
        ? and(
            eq(communities.visibility, "organization"),
            sql`${communities.id} not in ${mine}`,
            actor.orgRole === "partner" ? sql`false` : sql`true`,
          )
        : sql`true`;
  const rows = await db
    .select({
      id: communities.id,
      name: communities.name,
      kind: communities.kind,
      purpose: communities.purpose,
      visibility: communities.visibility,
      archivedAt: communities.archivedAt,
      memberCount: sql<number>`(select count(*)::int from ${memberships} m where m.community_id = ${communities.id} and m.status = 'active')`,
      myRole: memberships.role,
      myStatus: memberships.status,
    })
    .from(communities)
    .leftJoin(
      memberships,
      and(eq(memberships.communityId, communities.id), eq(memberships.personId, actor.id)),
    )
    .where(
      and(
        eq(communities.orgId, actor.orgId),
        readable,
        scope,
        query.includeArchived ? undefined : isNull(communities.archivedAt),
        query.q
          ? or(
              ilike(communities.name, containsPattern(query.q)),
              ilike(communities.purpose, containsPattern(query.q)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(communities.name))
    .limit(200);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as CommunitySummary["kind"],
    purpose: r.purpose,
    visibility: r.visibility,
    memberCount: r.memberCount,
    myRole: r.myStatus && r.myStatus !== "left" ? r.myRole : null,
    myStatus: r.myStatus,
    archived: r.archivedAt !== null,
  }));
}

/** The community's own columns from an input (schools live in their own table). */
function fields<T extends CommunityUpdate>(input: T): Omit<T, "schoolIds"> {
  const { schoolIds: _schools, ...rest } = input;
  return rest;
}

async function setSchools(db: Executor, orgId: string, communityId: string, schoolIds: string[]) {
  await db.delete(communitySchools).where(eq(communitySchools.communityId, communityId));
  const unique = [...new Set(schoolIds)];
  if (unique.length > 0) {
    await db.insert(communitySchools).values(unique.map((schoolId) => ({ orgId, communityId, schoolId })));
  }
}
