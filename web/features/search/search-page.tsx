import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { MAX_COUNTED } from "../../../shared/schemas/search.ts";
import { Button } from "../../ui/button.tsx";
import { Page } from "../../ui/page.tsx";
import { EmptyState, ErrorState, Loading, Notice } from "../../ui/states.tsx";
import { type SearchFilters as Filters, searchQuery } from "./api.ts";
import { SearchFilters } from "./search-filters.tsx";
import { SearchResultItem } from "./search-result.tsx";
import "./search.css";

/** Results of the one search box, with the words, type and filters to refine them. */
export function SearchPage({ filters }: { filters: Filters }) {
  const { t } = useTranslation();
  const query = useInfiniteQuery(searchQuery(filters));
  const first = query.data?.pages[0] ?? null;
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const q = filters.q?.trim() ?? "";

  return (
    <Page title={t("search.title")} lead={<p>{t("search.lead")}</p>}>
      {/* Remount with new URL filters, so the boxes show what the results show. */}
      <SearchFilters key={JSON.stringify(filters)} filters={filters} counts={first?.counts ?? null} />
      {/* Announced when it changes: how many results, or that there are none. */}
      <p className="muted" role="status">
        {q && first ? <ResultCount count={countOf(first, filters)} q={q} /> : ""}
      </p>
      {!q ? (
        <EmptyState title={t("search.startTitle")}>
          <p>{t("search.startHint")}</p>
        </EmptyState>
      ) : query.isPending ? (
        <Loading label={t("search.loading")} />
      ) : query.isError && items.length === 0 ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("search.emptyTitle", { q })}>
          <p>{t("search.emptyHint")}</p>
        </EmptyState>
      ) : (
        <section aria-labelledby="search-results" className="stack">
          <h2 id="search-results" className="visually-hidden">
            {t("search.results")}
          </h2>
          {first?.approximate ? <Notice tone="warning">{t("search.approximate")}</Notice> : null}
          <ul className="search-results">
            {items.map((result) => (
              <li key={`${result.kind}:${result.id}`}>
                <SearchResultItem result={result} />
              </li>
            ))}
          </ul>
          {query.hasNextPage ? (
            <div>
              <Button onPress={() => void query.fetchNextPage()} isPending={query.isFetchingNextPage}>
                {t("search.loadMore")}
              </Button>
            </div>
          ) : null}
        </section>
      )}
    </Page>
  );
}

function ResultCount({ count, q }: { count: number; q: string }) {
  const { t } = useTranslation();
  // Counting stops at MAX_COUNTED per type: beyond it, say so rather than give a false number.
  return (
    <>
      {count >= MAX_COUNTED
        ? t("search.manyResults", { count: MAX_COUNTED, q })
        : t("search.resultCount", { count, q })}
    </>
  );
}

/** The count of the chosen type (all types together without one); at least what is shown. */
function countOf(page: { counts: Record<string, number>; items: unknown[] }, filters: Filters): number {
  const c = page.counts;
  const total = filters.type
    ? (c[filters.type] ?? 0)
    : (c.artifact ?? 0) + (c.discussion ?? 0) + (c.community ?? 0);
  return Math.max(total, page.items.length);
}
