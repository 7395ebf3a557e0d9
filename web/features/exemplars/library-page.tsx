import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { Page, Section } from "../../ui/page.tsx";
import { EmptyState, ErrorState, Loading } from "../../ui/states.tsx";
import { useMe } from "../auth/me.ts";
import { type ExemplarFilters, exemplarLibraryQuery, waitingForReviewQuery } from "./api.ts";
import { ExemplarCard } from "./exemplar-card.tsx";
import { LibraryFilters } from "./library-filters.tsx";
import "./exemplars.css";

/** The exemplar library: filters, result cards, and for reviewers the nominations waiting for them. */
export function ExemplarLibraryPage({ filters }: { filters: ExemplarFilters }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.person.orgRole === "partner")
    return (
      <Page title={t("exemplars.title")}>
        <EmptyState title={t("exemplars.partnersOnly")} />
      </Page>
    );
  return (
    <Page title={t("exemplars.title")} lead={<p>{t("exemplars.lead")}</p>}>
      <WaitingForReview />
      {/* Remount with new URL filters, so the boxes show what the list shows. */}
      <LibraryFilters key={JSON.stringify(filters)} filters={filters} />
      <Results filters={filters} />
    </Page>
  );
}

function Results({ filters }: { filters: ExemplarFilters }) {
  const { t } = useTranslation();
  const query = useInfiniteQuery(exemplarLibraryQuery(filters));
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.values(filters).some(Boolean);
  if (query.isPending) return <Loading label={t("exemplars.loading")} />;
  if (query.isError && items.length === 0)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (items.length === 0)
    return (
      <EmptyState title={filtered ? t("exemplars.emptyTitle") : t("exemplars.emptyLibraryTitle")}>
        <p>{filtered ? t("exemplars.emptyHint") : t("exemplars.emptyLibraryHint")}</p>
      </EmptyState>
    );
  return (
    <section aria-labelledby="exemplar-results" className="stack">
      <h2 id="exemplar-results" className="visually-hidden">
        {t("exemplars.title")}
      </h2>
      <p className="muted" role="status">
        {t("exemplars.resultCount", { count: items.length })}
      </p>
      <ul className="card-grid">
        {items.map((exemplar) => (
          <li key={exemplar.id}>
            <ExemplarCard exemplar={exemplar} />
          </li>
        ))}
      </ul>
      {query.hasNextPage ? (
        <div>
          <Button onPress={() => void query.fetchNextPage()} isPending={query.isFetchingNextPage}>
            {t("exemplars.loadMore")}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

/** Shown only to people with nominations to review (facilitators, leaders). */
function WaitingForReview() {
  const { t } = useTranslation();
  const query = useQuery(waitingForReviewQuery);
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Section title={t("exemplars.waitingTitle")} id="exemplars-waiting">
      <p>{t("exemplars.waitingLead")}</p>
      <ul className="card-grid">
        {items.map((exemplar) => (
          <li key={exemplar.id}>
            <ExemplarCard exemplar={exemplar} />
          </li>
        ))}
      </ul>
    </Section>
  );
}
