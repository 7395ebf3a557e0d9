import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { standardElements } from "../../../shared/reflection/standard.ts";
import { localized } from "../../../shared/surveys/definition.ts";
import { isApiError } from "../../api/client.ts";
import { DateTime } from "../../ui/format.tsx";
import { Page, Section } from "../../ui/page.tsx";
import { Badge, EmptyState, ErrorState, Loading } from "../../ui/states.tsx";
import { communityQuery } from "../communities/api.ts";
import { reflectionListQuery, type TeamReflectionSummary } from "./api.ts";
import { StartReflectionButton } from "./start-button.tsx";
import { RatingsTrend } from "./trend.tsx";
import "./team-reflections.css";

/** /communities/$communityId/reflections — the team's reflections, the standard's trend, "Reflect on the standard". */
export function ReflectionsPage({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const list = useQuery(reflectionListQuery(communityId));
  const community = useQuery(communityQuery(communityId));
  const back = community.data ? (
    <Link to="/communities/$communityId" params={{ communityId }}>
      {t("teamReflections.backToCommunity", { name: community.data.name })}
    </Link>
  ) : null;
  if (list.isPending) return <Loading label={t("teamReflections.loading")} />;
  if (list.isError)
    return (
      <Page title={t("teamReflections.pageTitle")} eyebrow={back}>
        {isApiError(list.error) && (list.error.status === 403 || list.error.status === 404) ? (
          <EmptyState title={t("teamReflections.notFoundTitle")}>
            <p>{list.error.detail ?? t("teamReflections.notFound")}</p>
          </EmptyState>
        ) : (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        )}
      </Page>
    );
  const { items, trend, can } = list.data;
  return (
    <Page
      title={t("teamReflections.pageTitle")}
      eyebrow={back}
      lead={t("teamReflections.pageLead")}
      actions={
        can.create ? (
          <StartReflectionButton
            communityId={communityId}
            input={{ kind: "standard" }}
            label={t("teamReflections.startStandard")}
            variant="primary"
          />
        ) : null
      }
    >
      {items.length === 0 ? (
        <EmptyState title={t("teamReflections.emptyTitle")}>
          <p>{can.create ? t("teamReflections.emptyWriter") : t("teamReflections.emptyReader")}</p>
        </EmptyState>
      ) : (
        <>
          {trend.length ? <RatingsTrend trend={trend} /> : null}
          <Section title={t("teamReflections.listTitle")} id="reflections">
            <ReflectionList items={items} />
          </Section>
        </>
      )}
    </Page>
  );
}

export function ReflectionList({ items }: { items: TeamReflectionSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="team-reflection-list">
      {items.map((r) => (
        <li key={r.id} className="team-reflection-list__item">
          <div className="cluster">
            <Link to="/team-reflections/$reflectionId" params={{ reflectionId: r.id }}>
              {r.title}
            </Link>
            <Badge>{t(`teamReflections.kinds.${r.kind}`)}</Badge>
          </div>
          <p className="muted">
            {t("teamReflections.lastEdited", { name: r.lastEditedBy.name })} <DateTime iso={r.updatedAt} />
          </p>
          {r.kind === "standard" ? (
            <ul className="team-reflection-ratings">
              {standardElements.map((e) => {
                const value = r.ratings[e.key] ?? null;
                const level = e.levels.find((l) => l.value === value);
                return (
                  <li key={e.key}>
                    {localized(e.title, i18n.language)}:{" "}
                    {level
                      ? t("teamReflections.ratingValue", {
                          value: level.value,
                          label: localized(level.label, i18n.language),
                        })
                      : t("teamReflections.notRated")}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
