import { sql } from "drizzle-orm";
import type { FilterOption, ResultsQuery, SurveyResults } from "../../../shared/schemas/survey-results.ts";
import { AGREEMENT_THRESHOLD } from "../../../shared/surveys/builtin/community-health.ts";
import type { SurveyDefinition } from "../../../shared/surveys/definition.ts";
import { checkSlice, isHidden, type SliceCheck } from "../../../shared/surveys/statistics.ts";
import type { Executor } from "../../db/client.ts";
import { forbidden } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { ReadCache } from "../../lib/read-cache.ts";
import { aggregateCached, answeredDefinitions, type Slice, sliceCounts } from "./aggregate.ts";
import { listFollowUps } from "./follow-up-list.ts";
import { layOut } from "./layout.ts";
import { type LoadedAdministration, loadForResults } from "./load.ts";
import { canFollowUp, refused } from "./policy.ts";

/*
 * Reading results. Anonymity (anonymous administrations only; a named survey's readers see every count):
 * - nothing is shown below the administration's minimum number of submitted responses (403 saying so);
 * - a filter (school, role, or both) is refused (422 naming it) when the slice is below the minimum, or
 *   when it leaves between 1 and minimum − 1 responses out of any larger group the reader can also see —
 *   all responses, and for school × role the school and the role alone — since subtracting would reveal
 *   those few (statistics.ts checkSlice).
 */

export const EARLIER_TITLE = "Earlier questions";

export const hiddenMessage = (minimum: number, count: number) =>
  `Results appear once at least ${minimum} people have answered; ${count} ${count === 1 ? "has" : "have"} so far.`;

type Counts = Awaited<ReturnType<typeof sliceCounts>>;
const total = (counts: Counts, keep: (r: Counts[number]) => boolean = () => true) =>
  counts.filter(keep).reduce((sum, r) => sum + r.n, 0);

function refusal(check: SliceCheck, what: "school" | "role", minimum: number): string | null {
  if (check.allowed) return null;
  const group = what === "school" ? "at this school" : "in this role";
  if (check.reason === "too_few")
    return `Fewer than ${minimum} people answered ${group}: showing them could reveal who said what.`;
  return `Only ${check.count} ${check.count === 1 ? "person" : "people"} answered outside this group: showing it would reveal their answers by subtraction.`;
}

/** Refuses a filter that would narrow an anonymous survey's group too far (see the header). */
function checkFilter(row: LoadedAdministration["row"], counts: Counts, slice: Slice) {
  if (!row.anonymous || (!slice.school && !slice.role)) return;
  const min = row.minimum_responses;
  const all = total(counts);
  const inSchool = total(counts, (r) => r.school_id === slice.school);
  const inRole = total(counts, (r) => r.role === slice.role);
  if (slice.school && !slice.role) {
    const why = refusal(checkSlice(inSchool, [all], min), "school", min);
    if (why) throw refused("school", why);
  } else if (slice.role && !slice.school) {
    const why = refusal(checkSlice(inRole, [all], min), "role", min);
    if (why) throw refused("role", why);
  } else {
    const both = total(counts, (r) => r.school_id === slice.school && r.role === slice.role);
    const why = refusal(checkSlice(both, [all, inSchool, inRole], min), "role", min);
    if (why) throw refused("role", `Together with the school: ${why[0]?.toLowerCase()}${why.slice(1)}`);
  }
}

async function filterOptions(db: Executor, row: LoadedAdministration["row"], counts: Counts) {
  const all = total(counts);
  const option = (value: string, label: string, n: number, what: "school" | "role"): FilterOption => {
    const why = row.anonymous
      ? refusal(checkSlice(n, [all], row.minimum_responses), what, row.minimum_responses)
      : null;
    return { value, label, allowed: why === null, reason: why };
  };
  const schoolIds = [...new Set(counts.flatMap((r) => (r.school_id ? [r.school_id] : [])))];
  const names = schoolIds.length
    ? await db.execute<{ id: string; name: string }>(sql`
        select id, name from schools where id in (${sql.join(
          schoolIds.map((s) => sql`${s}`),
          sql`, `,
        )})
        order by name`)
    : { rows: [] };
  const roles = [...new Set(counts.flatMap((r) => (r.role ? [r.role] : [])))].sort();
  return {
    schools: names.rows.map((s) =>
      option(
        s.id,
        s.name,
        total(counts, (r) => r.school_id === s.id),
        "school",
      ),
    ),
    roles: roles.map((role) =>
      option(
        role,
        role,
        total(counts, (r) => r.role === role),
        "role",
      ),
    ),
  };
}

/** Which questions need their choices or texts read (of every version the responses answered). */
function kindsOf(definitions: SurveyDefinition[]) {
  const all = definitions.flatMap((d) => d.sections.flatMap((s) => s.questions));
  const keysOf = (kinds: string[]) => [
    ...new Set(all.filter((q) => kinds.includes(q.kind)).map((q) => q.key)),
  ];
  return {
    choiceKeys: keysOf(["single_choice", "multiple_choice"]),
    textKeys: keysOf(["short_text", "long_text"]),
  };
}

const stampOf = (counts: Counts) =>
  counts
    .map((c) => `${c.school_id}:${c.role}:${c.n}:${c.stamp}`)
    .sort()
    .join(",");

async function recipientsOf(db: Executor, administrationId: string) {
  const result = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from survey_recipients where administration_id = ${administrationId}`);
  return result.rows[0]?.n ?? 0;
}

// Whole results by administration × slice, emptied after every write (lib/read-cache.ts): a survey's
// results are read far more often than answered. Refusals (hidden, a filter too narrow) are not kept.
const pages = new ReadCache<Omit<SurveyResults, "can">>(60_000, 500);

export async function resultsOf(
  ctx: ServiceContext,
  { row, access }: LoadedAdministration,
  query: ResultsQuery,
): Promise<SurveyResults> {
  const slice: Slice = { school: query.school ?? null, role: query.role ?? null };
  const key = [ctx.actor.orgId, row.id, row.survey_version_id, slice.school, slice.role].join("|");
  const body = await pages.get(key, () => compute(ctx, row, slice));
  return { ...body, can: { followUp: canFollowUp(access) } };
}

async function compute(
  ctx: ServiceContext,
  row: LoadedAdministration["row"],
  slice: Slice,
): Promise<Omit<SurveyResults, "can">> {
  const counts = await sliceCounts(ctx.db, ctx.actor.orgId, row.id);
  const all = total(counts);
  if (row.anonymous && isHidden(all, row.minimum_responses))
    throw forbidden(hiddenMessage(row.minimum_responses, all));
  checkFilter(row, counts, slice);
  const responses = total(
    counts,
    (r) => (!slice.school || r.school_id === slice.school) && (!slice.role || r.role === slice.role),
  );
  const olderIds = [...new Set(counts.map((c) => c.version_id))].filter((v) => v !== row.survey_version_id);
  const older = await answeredDefinitions(ctx.db, olderIds);
  const agg = await aggregateCached(
    ctx.db,
    row.id,
    slice,
    kindsOf([row.definition, ...older]),
    stampOf(counts),
  );
  const filters = await filterOptions(ctx.db, row, counts);
  const recipients = await recipientsOf(ctx.db, row.id);
  const followUps = await listFollowUps(ctx.db, row.id);
  const laid = layOut(row.definition, older, agg, "en", EARLIER_TITLE);
  const likertPoints = row.definition.sections.flatMap((s) =>
    s.questions.flatMap((q) => (q.kind === "likert" ? [q.points] : [])),
  );
  return {
    administration: {
      id: row.id,
      surveyId: row.survey_id,
      title: row.title,
      audience: row.audience,
      communityId: row.community_id,
      schoolId: row.school_id,
      anonymous: row.anonymous,
      minimumResponses: row.minimum_responses,
      opensAt: new Date(row.opens_at).toISOString(),
      closesAt: new Date(row.closes_at).toISOString(),
    },
    responses,
    recipients,
    rate: recipients ? Math.round((all / recipients) * 1000) / 10 : null,
    threshold: AGREEMENT_THRESHOLD,
    points: Math.max(4, ...likertPoints),
    filter: slice,
    filters,
    ...laid,
    followUps,
  };
}

export async function readResults(ctx: ServiceContext, id: string, query: ResultsQuery) {
  return resultsOf(ctx, await loadForResults(ctx.db, ctx.actor, id), query);
}
