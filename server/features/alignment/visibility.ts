import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../http/auth/plugin.ts";
import { communityVisible } from "../search/visibility.ts";

/*
 * goals/policy.ts canReadGoal written as SQL, so the map and the dashboard filter inside the query:
 * the district's reference, district and school goals are read by everyone of the district; a
 * community's goals by whoever may read the community (communityVisible mirrors communities/policy.ts
 * canRead). visibility.test.ts checks this against the JS policy case by case.
 */

/**
 * The goals the actor may read (`g` is a row of goals). `communityWhere` narrows the communities further
 * (`gc`: not archived, of a school); the `in (subquery)` form lets PostgreSQL hash the readable
 * communities once instead of checking them goal by goal.
 */
export function goalVisible(actor: Actor, g = sql.raw("g"), communityWhere: SQL = sql`true`): SQL {
  return sql`(${g}.org_id = ${actor.orgId} and (${g}.level <> 'community' or ${g}.community_id in (
    select gc.id from communities gc where ${communityVisible(actor, sql.raw("gc"))} and ${communityWhere})))`;
}

/** The actor's school ids as a uuid[] literal (empty for people without a school). */
export const schoolArray = (ids: readonly string[]): SQL =>
  ids.length
    ? sql`array[${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}]`
    : sql`'{}'::uuid[]`;
