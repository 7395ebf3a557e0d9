import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CommunitySummary } from "../../../shared/schemas/communities.ts";
import { Button, LinkButton } from "../../ui/button.tsx";
import { Page } from "../../ui/page.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { useMe } from "../auth/me.ts";
import { communityListQuery, joinCommunity } from "./api.ts";
import { CommunityCard } from "./community-card.tsx";
import { useCommunityAction } from "./use-community-action.ts";
import "./communities.css";

interface CommunitiesPageProps {
  scope: "discover" | "mine";
  q: string;
}

/** Find communities in the district (or list mine), search by words, ask to join. */
export function CommunitiesPage({ scope, q }: CommunitiesPageProps) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(q);
  const query = useQuery(communityListQuery(scope, q));

  const search = () => void navigate({ to: "/communities", search: { scope, q: draft.trim() || undefined } });

  return (
    <Page
      title={t("communities.title")}
      lead={<p>{t("communities.lead", { organization: me.organization.name })}</p>}
      actions={
        me.can.createCommunity ? (
          <LinkButton to="/communities/new" variant="primary">
            {t("communities.createLink")}
          </LinkButton>
        ) : null
      }
    >
      <div className="stack">
        <ul className="segmented" aria-label={t("communities.scopeLabel")}>
          <li>
            <Link
              to="/communities"
              search={{ scope: "discover", q: q || undefined }}
              aria-current={scope === "discover" ? "page" : undefined}
              activeOptions={{ includeSearch: true }}
            >
              {t("communities.scopeDiscover")}
            </Link>
          </li>
          <li>
            <Link
              to="/communities"
              search={{ scope: "mine", q: q || undefined }}
              aria-current={scope === "mine" ? "page" : undefined}
              activeOptions={{ includeSearch: true }}
            >
              {t("communities.scopeMine")}
            </Link>
          </li>
        </ul>
        <search>
          <form
            className="search-bar"
            onSubmit={(event) => {
              event.preventDefault();
              search();
            }}
          >
            <TextField
              label={t("communities.searchLabel")}
              type="search"
              value={draft}
              onChange={setDraft}
              description={t("communities.searchHint")}
            />
            <Button type="submit" variant="secondary">
              {t("common.search")}
            </Button>
          </form>
        </search>
      </div>
      <QueryView query={query} loadingLabel={t("communities.loading")}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState
              title={
                q
                  ? t("communities.noResults", { q })
                  : scope === "mine"
                    ? t("communities.noneMine")
                    : t("communities.noneToDiscover")
              }
            >
              <p>{me.can.createCommunity ? t("communities.emptyHintCreate") : t("communities.emptyHint")}</p>
            </EmptyState>
          ) : (
            <section aria-labelledby="results-heading">
              <h2 id="results-heading" className="visually-hidden">
                {t("communities.results")}
              </h2>
              <p className="muted" role="status">
                {t("communities.resultCount", { count: data.items.length })}
              </p>
              <ul className="card-grid">
                {data.items.map((community) => (
                  <li key={community.id}>
                    <CommunityCard community={community} actions={<JoinAction community={community} />} />
                  </li>
                ))}
              </ul>
            </section>
          )
        }
      </QueryView>
    </Page>
  );
}

function JoinAction({ community }: { community: CommunitySummary }) {
  const { t } = useTranslation();
  const join = useCommunityAction(
    community.id,
    () => joinCommunity(community.id),
    (c) =>
      c?.myStatus === "active"
        ? t("community.joined", { community: community.name })
        : t("community.requestSent", { community: community.name }),
  );
  if (community.myStatus !== null && community.myStatus !== "left") return null;
  if (community.archived || community.visibility !== "organization") return null;
  return (
    <Button
      size="small"
      variant="secondary"
      onPress={() => join.mutate()}
      isPending={join.isPending}
      accessibleName={t("communities.requestToJoinNamed", { community: community.name })}
    >
      {t("community.requestToJoin")}
    </Button>
  );
}
