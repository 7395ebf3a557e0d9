import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { AssessmentSummary } from "../../../shared/schemas/assessments.ts";
import { isApiError } from "../../api/client.ts";
import { LinkButton } from "../../ui/button.tsx";
import { DateTime } from "../../ui/format.tsx";
import { Page } from "../../ui/page.tsx";
import { EmptyState, ErrorState, Loading } from "../../ui/states.tsx";
import { useMe } from "../auth/me.ts";
import { communityQuery } from "../communities/api.ts";
import { CalendarDate } from "../cycles/calendar-date.tsx";
import { TeamLearningNeeds } from "../learning-needs/index.ts";
import { communityAssessmentsQuery } from "./api.ts";
import "./assessments.css";

/** A team's assessments: what each covers and how much data it holds; "New assessment" for managers. */
export function AssessmentListPage({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const community = useQuery(communityQuery(communityId));
  const query = useQuery(communityAssessmentsQuery(communityId));
  const canCreate = query.data?.can.create ?? false;
  return (
    <Page
      title={t("assessments.list.title")}
      eyebrow={
        community.data ? (
          <Link to="/communities/$communityId" params={{ communityId }}>
            {community.data.name}
          </Link>
        ) : null
      }
      lead={
        <p>
          {t("assessments.list.lead")}{" "}
          {me.can.manageOrganization ? <Link to="/assessments">{t("assessments.district.link")}</Link> : null}
        </p>
      }
      actions={
        canCreate ? (
          <LinkButton
            to="/communities/$communityId/assessments/new"
            params={{ communityId }}
            variant="primary"
          >
            {t("assessments.list.new")}
          </LinkButton>
        ) : null
      }
    >
      {query.isPending ? (
        <Loading label={t("assessments.list.loading")} />
      ) : query.isError ? (
        isApiError(query.error) && (query.error.status === 403 || query.error.status === 404) ? (
          <EmptyState title={t("assessments.list.noAccessTitle")}>
            <p>{t("assessments.list.noAccess")}</p>
          </EmptyState>
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : query.data.items.length === 0 ? (
        <EmptyState title={t("assessments.list.emptyTitle")}>
          <p>{canCreate ? t("assessments.list.emptyManager") : t("assessments.list.emptyReader")}</p>
        </EmptyState>
      ) : (
        <AssessmentTable items={query.data.items} />
      )}
      {query.data ? <TeamLearningNeeds communityId={communityId} /> : null}
    </Page>
  );
}

export function AssessmentTable({ items, caption }: { items: AssessmentSummary[]; caption?: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption ?? t("assessments.list.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("assessments.list.colTitle")}</th>
            <th scope="col">{t("assessments.list.colDate")}</th>
            <th scope="col">{t("assessments.list.colItems")}</th>
            <th scope="col">{t("assessments.list.colStandards")}</th>
            <th scope="col">{t("assessments.list.colStudents")}</th>
            <th scope="col">{t("assessments.list.colLastImport")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link to="/assessments/$assessmentId" params={{ assessmentId: a.id }}>
                  {a.title}
                </Link>
              </th>
              <td>{a.givenOn ? <CalendarDate date={a.givenOn} /> : t("assessments.noDate")}</td>
              <td>{a.itemCount}</td>
              <td>{a.standards.length ? a.standards.join(", ") : t("assessments.list.noStandards")}</td>
              <td>{a.studentsWithResults}</td>
              <td>
                {a.lastImportAt ? <DateTime iso={a.lastImportAt} /> : t("assessments.list.neverImported")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
