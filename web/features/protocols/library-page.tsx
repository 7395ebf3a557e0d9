import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Button, LinkButton } from "../../ui/button.tsx";
import { Page } from "../../ui/page.tsx";
import { EmptyState, ErrorState, Loading } from "../../ui/states.tsx";
import { useMe } from "../auth/me.ts";
import { type ProtocolFilters, protocolLibraryQuery } from "./api.ts";
import { LibraryFilters } from "./library-filters.tsx";
import { ProtocolCard } from "./protocol-card.tsx";
import "./protocols.css";

/** The protocol library: search, filter, open one; write or adapt one when allowed. */
export function LibraryPage({ filters }: { filters: ProtocolFilters }) {
  const { t } = useTranslation();
  const me = useMe();
  const query = useInfiniteQuery(protocolLibraryQuery(filters));
  const first = query.data?.pages[0];
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const isAdmin = me.can.manageOrganization;

  return (
    <Page
      title={filters.archived ? t("protocols.archivedTitle") : t("protocols.title")}
      lead={<p>{t("protocols.lead")}</p>}
      actions={
        <>
          {first?.can.create ? (
            <LinkButton to="/protocols/new" variant="primary">
              {t("protocols.create")}
            </LinkButton>
          ) : null}
          {isAdmin ? (
            <Link to="/protocols" search={filters.archived ? {} : { archived: true }}>
              {filters.archived ? t("protocols.showActive") : t("protocols.showArchived")}
            </Link>
          ) : null}
        </>
      }
    >
      {/* Remount with new URL filters, so the boxes show what the list shows. */}
      <LibraryFilters key={JSON.stringify(filters)} filters={filters} />
      {query.isPending ? (
        <Loading label={t("protocols.loading")} />
      ) : query.isError && items.length === 0 ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={filters.archived ? t("protocols.emptyArchived") : t("protocols.emptyTitle")}>
          <p>{filters.archived ? t("protocols.emptyArchivedHint") : t("protocols.emptyHint")}</p>
        </EmptyState>
      ) : (
        <section aria-labelledby="protocol-results" className="stack">
          <h2 id="protocol-results" className="visually-hidden">
            {t("protocols.title")}
          </h2>
          <p className="muted" role="status">
            {t("protocols.resultCount", { count: items.length })}
          </p>
          <ul className="card-grid">
            {items.map((protocol) => (
              <li key={protocol.id}>
                <ProtocolCard protocol={protocol} />
              </li>
            ))}
          </ul>
          {query.hasNextPage ? (
            <div>
              <Button onPress={() => void query.fetchNextPage()} isPending={query.isFetchingNextPage}>
                {t("protocols.loadMore")}
              </Button>
            </div>
          ) : null}
        </section>
      )}
    </Page>
  );
}
