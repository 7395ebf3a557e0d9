import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Survey } from "../../../shared/schemas/surveys.ts";
import { isApiError } from "../../api/client.ts";
import { DateTime } from "../../ui/format.tsx";
import { Page } from "../../ui/page.tsx";
import { ErrorState, Loading, Notice } from "../../ui/states.tsx";
import { surveyQuery } from "./api.ts";
import { useSurveyLabels } from "./labels.ts";
import { SurveyActions } from "./survey-actions.tsx";
import { SurveyPreview } from "./survey-preview.tsx";
import "./surveys.css";

/** One survey: a readable preview of its questions, its versions, and what the reader may do with it. */
export function SurveyPage({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const query = useQuery(surveyQuery(surveyId));
  if (query.isPending) return <Page title={t("surveys.title")}>{<Loading />}</Page>;
  if (query.isError) {
    const missing = isApiError(query.error) && query.error.status === 404;
    return (
      <Page title={missing ? t("surveys.notFound") : t("surveys.title")}>
        {missing ? (
          <p>
            <Link to="/surveys">{t("surveys.backToLibrary")}</Link>
          </p>
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Page>
    );
  }
  return <SurveyOverview survey={query.data} />;
}

function SurveyOverview({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const labels = useSurveyLabels();
  return (
    <Page
      title={survey.title}
      eyebrow={labels.owner(survey)}
      lead={
        <p>
          {t("surveys.questions", { count: survey.questionCount })} ·{" "}
          {t("surveys.sections", { count: survey.sectionCount })} ·{" "}
          {t("surveys.versionN", { number: survey.versionNumber })}
        </p>
      }
      actions={<SurveyActions survey={survey} />}
    >
      <div className="stack">
        {survey.kind === "builtin" ? <p className="muted">{t("surveys.builtinNotice")}</p> : null}
        {survey.archived ? <Notice tone="warning">{t("surveys.archivedNotice")}</Notice> : null}
        {survey.hasResponses && survey.can.edit ? (
          <p className="muted">
            {t("surveys.answeredNotice", { current: survey.versionNumber, next: survey.versionNumber + 1 })}
          </p>
        ) : null}
      </div>
      <SurveyPreview definition={survey.definition} />
      <Versions survey={survey} />
    </Page>
  );
}

function Versions({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  if (survey.versions.length === 0) return null;
  return (
    <section aria-labelledby="survey-versions">
      <h2 id="survey-versions">{t("surveys.versionsHeading")}</h2>
      <ol className="survey-versions" aria-label={t("surveys.versionsLabel")}>
        {survey.versions.map((v) => (
          <li key={v.id}>
            <strong>{t("surveys.versionRow", { number: v.number })}</strong>
            {v.id === survey.currentVersionId ? ` (${t("surveys.versionCurrent")})` : null} ·{" "}
            {t("surveys.versionSavedOn")} <DateTime iso={v.createdAt} dateOnly /> ·{" "}
            {t("surveys.versionResponses", { count: v.responses })}
          </li>
        ))}
      </ol>
    </section>
  );
}
