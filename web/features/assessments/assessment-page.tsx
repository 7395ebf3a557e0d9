import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Assessment } from "../../../shared/schemas/assessments.ts";
import { isApiError } from "../../api/client.ts";
import { Button, LinkButton } from "../../ui/button.tsx";
import { Page, Section } from "../../ui/page.tsx";
import { EmptyState, ErrorState, Loading } from "../../ui/states.tsx";
import { CalendarDate } from "../cycles/calendar-date.tsx";
import { assessmentQuery } from "./api.ts";
import { AssessmentNav } from "./assessment-nav.tsx";
import { EditAssessmentForm } from "./edit-form.tsx";
import { ImportsHistory } from "./imports-history.tsx";
import "./assessments.css";

/** An assessment's overview: its details, items and standards, and (for managers) its imports. */
export function AssessmentPage({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const query = useQuery(assessmentQuery(assessmentId));
  const a = query.data;
  return (
    <Page
      title={
        a?.title ??
        (query.isError ? t("assessments.overview.errorTitle") : t("assessments.overview.loadingTitle"))
      }
      eyebrow={a ? <BackLink assessment={a} /> : null}
      actions={
        a?.can.import ? (
          <LinkButton to="/assessments/$assessmentId/import" params={{ assessmentId }} variant="primary">
            {t("assessments.overview.import")}
          </LinkButton>
        ) : null
      }
    >
      {a ? (
        <>
          <AssessmentNav assessmentId={assessmentId} />
          <Overview assessment={a} />
        </>
      ) : query.isError && isApiError(query.error) && query.error.status === 404 ? (
        <EmptyState title={t("assessments.overview.notFoundTitle")}>
          <p>{t("assessments.overview.notFound")}</p>
        </EmptyState>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Loading label={t("assessments.overview.loading")} />
      )}
    </Page>
  );
}

export function BackLink({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  if (!assessment.communityId) return <Link to="/assessments">{t("assessments.districtWide")}</Link>;
  return (
    <Link to="/communities/$communityId/assessments" params={{ communityId: assessment.communityId }}>
      {t("assessments.overview.back", { name: assessment.communityName ?? "" })}
    </Link>
  );
}

function Overview({ assessment: a }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const standards = [...new Set(a.items.map((i) => i.standard).filter(Boolean))];
  return (
    <>
      <Section
        title={t("assessments.overview.details")}
        id="details"
        actions={
          a.can.edit && !editing ? (
            <Button onPress={() => setEditing(true)}>{t("assessments.overview.edit")}</Button>
          ) : null
        }
      >
        {editing ? (
          <EditAssessmentForm assessment={a} onDone={() => setEditing(false)} />
        ) : (
          <dl className="assessment-facts">
            <dt>{t("assessments.fields.givenOn")}</dt>
            <dd>{a.givenOn ? <CalendarDate date={a.givenOn} /> : t("assessments.noDate")}</dd>
            <dt>{t("assessments.overview.masteryTerm")}</dt>
            <dd>{t("assessments.overview.masteryValue", { percent: a.masteryPercent })}</dd>
            <dt>{t("assessments.overview.standardsTerm")}</dt>
            <dd>{standards.length ? standards.join(", ") : t("assessments.list.noStandards")}</dd>
            <dt>{t("assessments.overview.studentsTerm")}</dt>
            <dd>{a.studentsWithResults}</dd>
          </dl>
        )}
      </Section>
      {editing ? null : <ItemsTable assessment={a} />}
      {a.can.import ? <ImportsHistory assessmentId={a.id} /> : null}
    </>
  );
}

function ItemsTable({ assessment: a }: { assessment: Assessment }) {
  const { t } = useTranslation();
  return (
    <Section title={t("assessments.overview.items")} id="items">
      <div className="table-wrap">
        <table className="table">
          <caption>{t("assessments.overview.itemsCaption", { count: a.items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("assessments.overview.colItem")}</th>
              <th scope="col">{t("assessments.overview.colStandard")}</th>
              <th scope="col">{t("assessments.overview.colKind")}</th>
              <th scope="col">{t("assessments.overview.colMax")}</th>
              <th scope="col">{t("assessments.overview.colKey")}</th>
            </tr>
          </thead>
          <tbody>
            {a.items.map((item) => (
              <tr key={item.id}>
                <th scope="row">{item.label}</th>
                <td>{item.standard || t("assessments.overview.noStandard")}</td>
                <td>{t(`assessments.kinds.${item.kind}`)}</td>
                <td>{item.maxPoints}</td>
                <td>{item.answerKey || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
