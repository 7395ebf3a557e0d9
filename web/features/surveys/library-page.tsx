import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { SurveySummary } from "../../../shared/schemas/surveys.ts";
import { isApiError } from "../../api/client.ts";
import { LinkButton } from "../../ui/button.tsx";
import { Page, Section } from "../../ui/page.tsx";
import { Badge, Card, EmptyState, ErrorState, Loading } from "../../ui/states.tsx";
import { SentSurveysSection, SurveysToAnswer } from "../survey-administrations/index.ts";
import { surveyListQuery } from "./api.ts";
import { useSurveyLabels } from "./labels.ts";
import "./surveys.css";

/** The survey library: built-ins, the district's and the reader's communities' surveys. */
export function SurveyLibraryPage() {
  const { t } = useTranslation();
  const query = useQuery(surveyListQuery());
  const create = query.data?.can.create ? (
    <LinkButton to="/surveys/new" variant="primary">
      {t("surveys.create")}
    </LinkButton>
  ) : null;
  return (
    <Page title={t("surveys.title")} lead={<p>{t("surveys.lead")}</p>} actions={create}>
      {query.isPending ? (
        <Loading label={t("surveys.loading")} />
      ) : query.isError ? (
        isApiError(query.error) && query.error.status === 403 ? (
          <EmptyState title={t("surveys.partnerTitle")}>
            <p>{t("surveys.partnerHint")}</p>
          </EmptyState>
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : query.data.items.length === 0 ? (
        <EmptyState title={t("surveys.emptyTitle")} actions={create}>
          <p>{query.data.can.create ? t("surveys.emptyHintCreate") : t("surveys.emptyHint")}</p>
        </EmptyState>
      ) : (
        <>
          <ul className="card-grid" aria-label={t("surveys.listLabel")}>
            {query.data.items.map((survey) => (
              <li key={survey.id}>
                <SurveyCard survey={survey} />
              </li>
            ))}
          </ul>
          <Section title={t("surveyAdministrations.toAnswerTitle")} id="to-answer">
            <SurveysToAnswer />
          </Section>
          <SentSurveysSection />
        </>
      )}
    </Page>
  );
}

function SurveyCard({ survey }: { survey: SurveySummary }) {
  const { t } = useTranslation();
  const labels = useSurveyLabels();
  return (
    <Card className="survey-card">
      <h2 className="survey-card__title">
        <Link to="/surveys/$surveyId" params={{ surveyId: survey.id }}>
          {survey.title}
        </Link>
      </h2>
      <ul className="survey-card__facts" aria-label={t("surveys.cardMeta", { title: survey.title })}>
        <li>{t("surveys.questions", { count: survey.questionCount })}</li>
        <li>{t("surveys.sections", { count: survey.sectionCount })}</li>
        <li>{t("surveys.versionN", { number: survey.versionNumber })}</li>
      </ul>
      <p>
        <Badge tone={survey.kind === "builtin" ? "info" : "neutral"}>{labels.owner(survey)}</Badge>
      </p>
    </Card>
  );
}
