import { type SQL, sql } from "drizzle-orm";
import {
  MAX_COUNTED,
  SEARCH_PAGE_SIZE,
  type SearchQuery,
  type SearchResponse,
  type SearchResult,
} from "../../../shared/schemas/search.ts";
import type { Db, Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { invalid } from "../../http/errors.ts";
import { hitsSql, type Mode, type Scope, typeFilter, visSql } from "./query.ts";
import {
  HEADLINE_OPTIONS,
  matchingStandards,
  parseTerms,
  type Terms,
  TITLE_OPTIONS,
  toSegments,
} from "./terms.ts";

/** Fewer full-text matches than this on the first page, and titles close to the words are added. */
const FEW = 3;
/** How close a title must be to what was typed ("tunning protocol" ~ "Tuning protocol", 0.83). */
const SIMILARITY = "0.45";

type Row = {
  kind: "artifact" | "thread" | "post" | "community";
  id: string;
  exemplar: boolean;
  title: string;
  title_marked: string;
  snippet_marked: string;
  community_id: string | null;
  community_name: string | null;
  thread_id: string | null;
  standards: string[] | null;
  artifact_kind: SearchResult["artifactKind"];
  updated_at: string;
  counts: SearchResponse["counts"];
};

// Markdown marks and link targets would only be noise in a snippet; the control characters are our marks.
const clean = (column: string) =>
  sql.raw(
    `regexp_replace(translate(${column}, E'\\u0001\\u0002', ''), '\\]\\([^)]*\\)|[*_\`#>~\\[\\]|]+', '', 'g')`,
  );

type Run = { actor: Actor; query: SearchQuery; terms: Terms; mode: Mode; scope: Scope; offset: number };

/** One round trip: hits, counts per type, and the page's titles and snippets with their marks. */
function statement(r: Run): SQL {
  const hq = sql`websearch_to_tsquery('english', ${r.terms.words.split(/\s+/).join(" or ")})`;
  return sql`
    with vis as materialized (${visSql(r.actor, r.query)}),
    hits as materialized (${hitsSql(r)}),
    counts as (
      select json_build_object(
        'artifact', count(*) filter (where kind = 'artifact'),
        'exemplar', count(*) filter (where kind = 'artifact' and exemplar),
        'discussion', count(*) filter (where kind in ('thread', 'post')),
        'community', count(*) filter (where kind = 'community')) as counts from hits),
    page as (
      select kind, id, rank, exemplar from hits where ${typeFilter(r.query)}
      order by rank desc, id offset ${r.offset} limit ${SEARCH_PAGE_SIZE + 1})
    select k.counts, p.kind, p.id, p.exemplar, x.title, x.community_id, x.thread_id, x.standards,
      x.artifact_kind, to_char(x.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at,
      ts_headline('english', translate(x.title, E'\\u0001\\u0002', ''), ${hq}, ${TITLE_OPTIONS}) as title_marked,
      ts_headline('english', x.snippet, ${hq}, ${HEADLINE_OPTIONS}) as snippet_marked,
      case when x.community_id in (select id from vis) then home.name end as community_name
    -- The counts row always comes back, so an empty page still carries them.
    from counts k
    left join page p on true
    left join lateral (
      select a.title, a.community_id, null::uuid as thread_id, a.standards, a.kind as artifact_kind, a.updated_at,
        concat_ws(' — ', nullif(a.focusing_question, ''), nullif(${clean("a.description")}, '')) as snippet
      from artifacts a where p.kind = 'artifact' and a.id = p.id
      union all
      select t.title, t.community_id, t.id, null, null, t.last_post_at,
        (select ${clean("op.body")} from posts op where op.thread_id = t.id and op.deleted_at is null
          order by op.created_at limit 1)
      from threads t where p.kind = 'thread' and t.id = p.id
      union all
      select pt.title, po.community_id, pt.id, null, null, po.created_at, ${clean("po.body")}
      from posts po join threads pt on pt.id = po.thread_id where p.kind = 'post' and po.id = p.id
      union all
      select c.name, c.id, null, null, null, c.updated_at, c.purpose
      from communities c where p.kind = 'community' and c.id = p.id
    ) x on true
    left join communities home on home.id = x.community_id
    order by p.rank desc nulls last, p.id`;
}

async function runSearch(db: Executor, r: Run): Promise<Row[]> {
  return (await db.execute<Row>(statement(r))).rows;
}

/** The plan of the full-text search as PostgreSQL runs it (for the benchmark and docs/PERFORMANCE.md). */
export async function explainSearch(db: Db, actor: Actor, query: SearchQuery, scope: Scope = "permitted") {
  const run = { actor, query, terms: parseTerms(query.q), mode: "fulltext" as const, scope, offset: 0 };
  const result = await db.execute<{ "QUERY PLAN": string }>(
    sql`explain (analyze, buffers) ${statement(run)}`,
  );
  return result.rows.map((row) => row["QUERY PLAN"]);
}

function present(row: Row, terms: Terms): SearchResult | null {
  if (!row.kind || !row.id || row.title === null) return null;
  const isArtifact = row.kind === "artifact";
  const path = isArtifact
    ? `/artifacts/${row.id}`
    : row.kind === "community"
      ? `/communities/${row.id}`
      : row.kind === "thread"
        ? `/threads/${row.thread_id}`
        : `/threads/${row.thread_id}#post-${row.id}`;
  return {
    kind: isArtifact && row.exemplar ? "exemplar" : row.kind,
    id: row.id,
    title: row.title,
    titleSegments: toSegments(row.title_marked ?? row.title),
    path,
    communityId: row.community_name === null ? null : row.community_id,
    communityName: row.community_name,
    snippet: toSegments(row.snippet_marked ?? ""),
    standards: matchingStandards(row.standards ?? [], terms.codes),
    artifactKind: row.artifact_kind,
    updatedAt: row.updated_at,
  };
}

const NO_COUNTS = { artifact: 0, exemplar: 0, discussion: 0, community: 0 };
type Counts = SearchResponse["counts"];
const clamp = (c: Counts): Counts => ({
  artifact: Math.min(c.artifact, MAX_COUNTED),
  exemplar: Math.min(c.exemplar, MAX_COUNTED),
  discussion: Math.min(c.discussion, MAX_COUNTED),
  community: Math.min(c.community, MAX_COUNTED),
});

/**
 * Searches everything the actor may read. Full text first; when it finds almost nothing on the first
 * page, titles (and standards) close to the typed words are added, so "tunning protocol" still finds.
 */
export async function search(
  db: Db,
  actor: Actor,
  query: SearchQuery,
  scope: Scope = "permitted",
): Promise<SearchResponse> {
  const terms = parseTerms(query.q);
  if (!terms.text) throw invalid("q", "Enter words to search for.");
  const offset = Number(query.cursor ?? 0);
  const base = { actor, query, terms, scope, offset };
  const rows = await runSearch(db, { ...base, mode: "fulltext" });
  const items = rows.map((r) => present(r, terms)).filter((r): r is SearchResult => r !== null);
  const counts = clamp(rows[0]?.counts ?? NO_COUNTS);
  const more = items.length > SEARCH_PAGE_SIZE;
  if (offset > 0 || items.length >= FEW) {
    const nextCursor = more ? String(offset + SEARCH_PAGE_SIZE) : null;
    return {
      query: terms.text,
      items: items.slice(0, SEARCH_PAGE_SIZE),
      counts,
      approximate: false,
      nextCursor,
    };
  }
  const similar = await db.transaction(async (tx) => {
    // Only for this transaction: how close "close" is for the <% operator (the index honours it).
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${SIMILARITY}, true)`);
    // Row estimates for similarity are poor; a scan computing similarity on every title is never right.
    await tx.execute(sql`select set_config('enable_seqscan', 'off', true)`);
    return runSearch(tx, { ...base, mode: "similar" });
  });
  const seen = new Set(items.map((i) => `${i.kind}:${i.id}`));
  const added = similar
    .map((r) => present(r, terms))
    .filter((r): r is SearchResult => r !== null && !seen.has(`${r.kind}:${r.id}`));
  // Counted by what was added: the similar titles include the full-text matches already counted.
  const addedOf = (...kinds: SearchResult["kind"][]) => added.filter((r) => kinds.includes(r.kind)).length;
  return {
    query: terms.text,
    items: [...items, ...added].slice(0, SEARCH_PAGE_SIZE),
    counts: clamp({
      artifact: counts.artifact + addedOf("artifact", "exemplar"),
      exemplar: counts.exemplar + addedOf("exemplar"),
      discussion: counts.discussion + addedOf("thread", "post"),
      community: counts.community + addedOf("community"),
    }),
    approximate: added.length > 0,
    nextCursor: null,
  };
}
