import { type SQL, sql } from "drizzle-orm";
import { MAX_COUNTED, type SearchQuery } from "../../../shared/schemas/search.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { codePattern, type Terms } from "./terms.ts";
import { artifactVisibleParts, communityVisible } from "./visibility.ts";

/*
 * The matching half of a search: one row per hit (kind, id, rank) over artifacts, threads, posts and
 * communities, with the read rules inside each branch so the GIN indexes and the permission predicate
 * work together (EXPLAIN: bitmap index scans on the search/trigram indexes, visibility as filters).
 */

/** "fulltext": the words as PostgreSQL understands them; "similar": titles close to what was typed. */
export type Mode = "fulltext" | "similar";
/** Results without permission filtering: only ever used by the benchmark's baseline. */
export type Scope = "permitted" | "unfiltered";

/** How many matches of each type are ranked (and counted: the counts say "1,000+" beyond). */
export const CANDIDATES = MAX_COUNTED;
const EXEMPLAR_CANDIDATES = 60;

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);
const any = (column: SQL, value: string) =>
  sql`exists (select 1 from unnest(${column}) f where lower(f) = lower(${value}))`;

/** Filters that only work samples have (a discussion has no subject or kind). */
const artifactOnly = (q: SearchQuery) => Boolean(q.subject || q.gradeBand || q.standard || q.topic || q.kind);

export type HitsInput = { actor: Actor; query: SearchQuery; terms: Terms; mode: Mode; scope: Scope };

export function hitsSql({ actor, query, terms, mode, scope }: HitsInput): SQL {
  const fq = sql`websearch_to_tsquery('english', ${terms.text})`;
  const wq = sql`websearch_to_tsquery('english', ${terms.words})`;
  const text = terms.text;
  const codes = terms.codes.length
    ? and(terms.codes.map((c) => sql`lamplight_words(a.standards) ~* ${codePattern(c)}`))
    : null;
  const permitted = scope === "permitted";
  // An array, not a subquery: `community_id = any(array)` is an index condition (a semi-join is not).
  const visArray = sql`array(select id from vis)`;

  const artifactMatch =
    mode === "similar"
      ? sql`(${text} <% a.title${codes ? sql` or ${codes}` : sql``})`
      : codes
        ? sql`(a.search @@ ${fq} or (${codes}${terms.words ? sql` and a.search @@ ${wq}` : sql``}))`
        : sql`a.search @@ ${fq}`;
  const artifactRank =
    mode === "similar"
      ? sql`word_similarity(${text}, a.title)`
      : sql`ts_rank_cd(a.search, ${fq}) + 0.5 * word_similarity(${text}, a.title)${codes ? sql` + case when ${codes} then 1 else 0 end` : sql``}`;
  // Everything but the words: the title branch below matches the words on titles only.
  const artifactScope = and([
    sql`a.org_id = ${actor.orgId}`,
    ...(query.archived ? [] : [sql`a.archived_at is null`, sql`ac.archived_at is null`]),
    ...(query.subject ? [any(sql`a.subjects`, query.subject)] : []),
    ...(query.topic ? [any(sql`a.topics`, query.topic)] : []),
    ...(query.gradeBand ? [sql`${query.gradeBand} = any(a.grade_bands)`] : []),
    ...(query.standard
      ? [sql`lamplight_words(a.standards) ~* ${codePattern(query.standard.toUpperCase())}`]
      : []),
    ...(query.kind ? [sql`a.kind = ${query.kind}`] : []),
    ...(query.communityId ? [sql`a.community_id = ${query.communityId}`] : []),
  ]);

  // Discussions and communities have none of the work's filters: asking for one leaves them out.
  // Posts are many: their community bitmap meets the words' bitmap. A thread matches by its title only,
  // so few do; those few are checked against the readable communities by a semi-join (EXPLAIN: 0.5 ms
  // against 6 ms for the bitmap of every readable thread).
  const talkWhere = (alias: "t" | "p") =>
    artifactOnly(query)
      ? [sql`false`]
      : [
          ...(permitted
            ? [
                alias === "p"
                  ? sql`p.community_id = any(${visArray})`
                  : sql`t.community_id in (select id from vis)`,
              ]
            : []),
          ...(query.communityId ? [sql`${sql.raw(alias)}.community_id = ${query.communityId}`] : []),
        ];
  const threadWhere = and([
    sql`t.org_id = ${actor.orgId}`,
    mode === "similar" ? sql`${text} <% t.title` : sql`t.search @@ ${fq}`,
    ...talkWhere("t"),
  ]);
  const postWhere = and([
    sql`p.org_id = ${actor.orgId}`,
    mode === "similar" ? sql`false` : sql`p.search @@ ${fq}`,
    sql`p.deleted_at is null`,
    ...talkWhere("p"),
  ]);
  const communityWhere = and([
    sql`c.org_id = ${actor.orgId}`,
    mode === "similar" ? sql`${text} <% c.name` : sql`c.search @@ ${fq}`,
    ...(permitted ? [communityVisible(actor, sql.raw("c"))] : []),
    ...(query.archived ? [] : [sql`c.archived_at is null`]),
    ...(query.standard || query.kind || query.communityId ? [sql`false`] : []),
    ...(query.subject ? [any(sql`c.subjects`, query.subject)] : []),
    ...(query.topic ? [any(sql`c.topics`, query.topic)] : []),
    ...(query.gradeBand ? [sql`${query.gradeBand} = any(c.grade_bands)`] : []),
  ]);
  const rank = (column: SQL, title: SQL) =>
    mode === "similar"
      ? sql`word_similarity(${text}, ${title})`
      : sql`ts_rank_cd(${column}, ${fq}) + 0.5 * word_similarity(${text}, ${title})`;

  // Every match is ranked only up to CANDIDATES per type: a word in half the district's work would
  // otherwise be ranked 50,000 times. Title matches are gathered on their own (a small index of titles),
  // so the best-ranked kind of match is never cut off by the description matches.
  const from = sql`artifacts a left join communities ac on ac.id = a.community_id`;
  const candidates = (where: SQL, limit = CANDIDATES) =>
    sql`(select a.id, ${artifactRank} as rank from ${from} where ${where} limit ${limit})`;
  // The rule's parts each searched on their own, so each can use an index (see artifactVisibleParts).
  const parts = permitted ? artifactVisibleParts(actor, sql.raw("a"), visArray) : [sql`true`];
  const branches = [
    ...(mode === "fulltext"
      ? [
          candidates(
            and([artifactScope, parts[0] ?? sql`true`, sql`to_tsvector('english', a.title) @@ ${fq}`]),
          ),
        ]
      : []),
    // The exemplars part walks the district's approved exemplars one by one: fewer candidates suffice
    // (those of readable communities come through the first part anyway).
    ...parts.map((part, i) =>
      candidates(and([artifactScope, part, artifactMatch]), i === 2 ? EXEMPLAR_CANDIDATES : CANDIDATES),
    ),
  ];
  return sql`
    select distinct on (x.id) 'artifact' as kind, x.id, x.rank,
      exists (select 1 from exemplars e where e.artifact_id = x.id and e.status = 'approved') as exemplar
    from (${sql.join(branches, sql` union all `)}) x
    union all
    select 'thread', t.id, ${rank(sql`t.search`, sql`t.title`)}, false
    from (select t.id, t.title, t.search from threads t where ${threadWhere} limit ${CANDIDATES}) t
    union all
    select 'post', p.id, ${mode === "similar" ? sql`0` : sql`0.6 * ts_rank_cd(p.search, ${fq})`}, false
    from (select p.id, p.search from posts p where ${postWhere} limit ${CANDIDATES}) p
    union all
    select 'community', c.id, ${rank(sql`c.search`, sql`c.name`)}, false
    from (select c.id, c.name, c.search from communities c where ${communityWhere} limit ${CANDIDATES}) c`;
}

/** The communities the actor may read, once per query (the `vis` of hitsSql). */
export function visSql(actor: Actor, query: SearchQuery): SQL {
  return sql`select c.id from communities c where ${communityVisible(actor, sql.raw("c"))}
    ${query.archived ? sql`` : sql`and c.archived_at is null`}`;
}

/** Which hits the chosen type shows. */
export function typeFilter(query: SearchQuery): SQL {
  switch (query.type) {
    case "artifact":
      return sql`kind = 'artifact'`;
    case "exemplar":
      return sql`kind = 'artifact' and exemplar`;
    case "discussion":
      return sql`kind in ('thread', 'post')`;
    case "community":
      return sql`kind = 'community'`;
    default:
      return sql`true`;
  }
}
