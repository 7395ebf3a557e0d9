import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { surveyEditSchema, surveyInputSchema } from "../../../../shared/schemas/surveys.ts";
import { LinkButton } from "../../../ui/button.tsx";
import { Page } from "../../../ui/page.tsx";
import { ErrorState, Loading } from "../../../ui/states.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { NoAccess } from "../../shell/error-page.tsx";
import { createSurvey, editSurvey, rememberSurvey, surveyListQuery, surveyQuery } from "../api.ts";
import { createPayload, editPayload, SurveyForm } from "./survey-form.tsx";
import { blankValues, fromDefinition } from "./values.ts";
import "../surveys.css";

/** Write a new survey for the district's library or one of the caller's communities. */
export function NewSurveyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  // The library's answer says whether, and where, the caller may write surveys.
  const library = useQuery(surveyListQuery());
  const places = library.data?.places;
  const initial = useMemo(
    () =>
      places
        ? blankValues(t("surveyBuilder.newSection"), places.district ? "" : (places.communities[0]?.id ?? ""))
        : null,
    [places, t],
  );
  if (library.data && !library.data.can.create) return <NoAccess message={t("surveyBuilder.noCreate")} />;
  return (
    <Page title={t("surveyBuilder.newTitle")}>
      {library.isError ? (
        <ErrorState error={library.error} onRetry={() => void library.refetch()} />
      ) : !initial || !places ? (
        <Loading />
      ) : (
        <SurveyForm
          id="create-survey"
          initial={initial}
          schema={surveyInputSchema}
          payload={createPayload}
          places={places}
          send={createSurvey}
          submitLabel={t("surveyBuilder.create")}
          onSaved={(survey) => {
            rememberSurvey(queryClient, survey);
            toast.success(t("surveyBuilder.created", { title: survey.title }));
            void navigate({ to: "/surveys/$surveyId", params: { surveyId: survey.id } });
          }}
          cancel={
            <LinkButton variant="quiet" to="/surveys">
              {t("surveyBuilder.cancel")}
            </LinkButton>
          }
        />
      )}
    </Page>
  );
}

/** Edit a survey: in place while nobody answered it, a new version once someone has. */
export function EditSurveyPage({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  // Not refetched behind the builder's back: a newer save arriving must not wipe what is being typed.
  const query = useQuery({
    ...surveyQuery(surveyId),
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const survey = query.data;
  const initial = useMemo(() => (survey ? fromDefinition(survey.definition) : null), [survey]);
  if (survey && !survey.can.edit) return <NoAccess message={t("surveyBuilder.noEdit")} />;
  return (
    <Page
      title={survey ? t("surveyBuilder.editTitle", { title: survey.title }) : t("surveys.title")}
      lead={survey ? <p>{t("surveyBuilder.editLead")}</p> : null}
    >
      {survey && initial ? (
        <SurveyForm
          key={survey.version}
          id="edit-survey"
          initial={initial}
          schema={surveyEditSchema}
          payload={editPayload(survey.version)}
          send={(input) => editSurvey(surveyId, input)}
          submitLabel={t("surveyBuilder.save")}
          onSaved={(saved) => {
            rememberSurvey(queryClient, saved);
            toast.success(
              saved.versionNumber > survey.versionNumber
                ? t("surveyBuilder.savedVersion", { number: saved.versionNumber })
                : t("surveyBuilder.saved"),
            );
            void navigate({ to: "/surveys/$surveyId", params: { surveyId } });
          }}
          onConflict={() => void query.refetch()}
          cancel={
            <LinkButton variant="quiet" to="/surveys/$surveyId" params={{ surveyId }}>
              {t("surveyBuilder.cancel")}
            </LinkButton>
          }
        />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
