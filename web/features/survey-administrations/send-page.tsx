import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { School } from "../../../shared/schemas/schools.ts";
import { administrationInputSchema } from "../../../shared/schemas/survey-administrations.ts";
import type { SurveyPlaces } from "../../../shared/schemas/surveys.ts";
import { api } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { RadioGroupField } from "../../ui/choice-fields.tsx";
import { errorsFromApi } from "../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { useFormat } from "../../ui/format.tsx";
import { NativeField } from "../../ui/native-field.tsx";
import { Page } from "../../ui/page.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { fromZoned, toZoned } from "../../ui/zoned.ts";
import { useMe } from "../auth/me.ts";
import { CheckboxField } from "../feedback/checkbox-field.tsx";
import { surveyListQuery, surveyQuery } from "../surveys/api.ts";
import { sendAdministration } from "./api.ts";
import { WhenFields } from "./when-fields.tsx";
import "./survey-administrations.css";

type AudienceOption = { value: string; label: string };

/** The audiences the person may send to: communities they facilitate, schools they lead, the district. */
function useAudiences(places: SurveyPlaces | undefined): AudienceOption[] {
  const { t } = useTranslation();
  const me = useMe();
  const role = me.person.orgRole;
  const schools = useQuery({
    queryKey: ["schools", "list"],
    queryFn: ({ signal }) => api.get<{ items: School[] }>("/api/v1/schools", { signal }),
    enabled: role === "administrator" || role === "school_leader",
  });
  const options: AudienceOption[] = (places?.communities ?? []).map((c) => ({
    value: `community:${c.id}`,
    label: t("surveyAdministrations.audienceCommunity", { name: c.name }),
  }));
  for (const s of schools.data?.items ?? []) {
    if (s.archived || (role !== "administrator" && !me.person.schoolIds.includes(s.id))) continue;
    options.push({
      value: `school:${s.id}`,
      label: t("surveyAdministrations.audienceSchool", { name: s.name }),
    });
  }
  if (role === "administrator")
    options.push({ value: "district", label: t("surveyAdministrations.audienceDistrict") });
  return options;
}

/** /surveys/$surveyId/send — who is asked, when, anonymous or named, and the minimum for results. */
export function SendSurveyPage({
  surveyId,
  communityId,
}: {
  surveyId: string;
  communityId?: string | undefined;
}) {
  const { t } = useTranslation();
  const survey = useQuery(surveyQuery(surveyId));
  return (
    <QueryView query={survey} loadingLabel={t("surveyAdministrations.loading")}>
      {(s) => <SendForm surveyId={s.id} surveyTitle={s.title} communityId={communityId} />}
    </QueryView>
  );
}

function SendForm(props: { surveyId: string; surveyTitle: string; communityId?: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const navigate = useNavigate();
  const zone = format.timeZone;
  const list = useQuery(surveyListQuery());
  const audiences = useAudiences(list.data?.places);
  const now = toZoned(new Date(), zone);
  const inTwoWeeks = toZoned(new Date(Date.now() + 14 * 86_400_000), zone);
  const [audience, setAudience] = useState(props.communityId ? `community:${props.communityId}` : "");
  const [title, setTitle] = useState(props.surveyTitle);
  const [opens, setOpens] = useState(now);
  const [closes, setCloses] = useState({ date: inTwoWeeks.date, time: "17:00" });
  const [anonymous, setAnonymous] = useState(true);
  const [minimum, setMinimum] = useState("5");
  const chosen = audience || audiences[0]?.value || "";

  const form = useFormSubmit({
    schema: administrationInputSchema,
    send: (input, key) => sendAdministration(input, key),
    onSuccess: (created) => {
      toast.success(t("surveyAdministrations.sent"));
      void navigate({
        to: "/survey-administrations/$administrationId",
        params: { administrationId: created.id },
      });
    },
    mapError: (error) => {
      const errors = { ...errorsFromApi(error, t) };
      for (const field of ["communityId", "schoolId"]) {
        if (errors[field]) errors.audience = errors[field];
        delete errors[field];
      }
      return errors;
    },
  });

  if (list.data && audiences.length === 0)
    return (
      <Page title={t("surveyAdministrations.sendTitle", { title: props.surveyTitle })}>
        <EmptyState title={t("surveyAdministrations.sendTitle", { title: props.surveyTitle })}>
          <p>{t("surveyAdministrations.audienceNone")}</p>
        </EmptyState>
      </Page>
    );

  const submit = () => {
    const [kind = "district", id = null] = chosen.split(":");
    form.submit({
      surveyId: props.surveyId,
      title,
      audience: kind,
      communityId: kind === "community" ? id : null,
      schoolId: kind === "school" ? id : null,
      anonymous,
      minimumResponses: minimum.trim() === "" ? undefined : Number(minimum),
      opensAt: fromZoned(opens.date, opens.time, zone) ?? undefined,
      closesAt: fromZoned(closes.date, closes.time, zone) ?? undefined,
    });
  };

  return (
    <Page
      title={t("surveyAdministrations.sendTitle", { title: props.surveyTitle })}
      lead={<p>{t("surveyAdministrations.sendLead")}</p>}
      width="narrow"
    >
      <Form id="send-survey" form={form} onSubmit={submit} className="form">
        <RadioGroupField
          label={t("surveyAdministrations.audience")}
          name="audience"
          value={chosen}
          onChange={setAudience}
          options={audiences}
        />
        <TextField
          label={t("surveyAdministrations.titleLabel")}
          name="title"
          value={title}
          onChange={setTitle}
          description={t("surveyAdministrations.titleHint")}
        />
        <WhenFields
          name="opensAt"
          dateLabel={t("surveyAdministrations.opensDate")}
          timeLabel={t("surveyAdministrations.opensTime")}
          value={opens}
          onChange={setOpens}
        />
        <WhenFields
          name="closesAt"
          dateLabel={t("surveyAdministrations.closesDate")}
          timeLabel={t("surveyAdministrations.closesTime")}
          value={closes}
          onChange={setCloses}
        />
        <p className="field__description">{t("surveyAdministrations.timesHint", { zone })}</p>
        <CheckboxField
          label={t("surveyAdministrations.anonymous")}
          name="anonymous"
          checked={anonymous}
          onChange={setAnonymous}
          description={
            anonymous ? t("surveyAdministrations.anonymousHint") : t("surveyAdministrations.namedHint")
          }
        />
        <NativeField
          label={t("surveyAdministrations.minimum")}
          name="minimumResponses"
          type="number"
          min={3}
          value={minimum}
          onChange={setMinimum}
          description={t("surveyAdministrations.minimumHint")}
        />
        <FormActions>
          <Button type="submit" variant="primary" isPending={form.isPending}>
            {t("surveyAdministrations.send")}
          </Button>
        </FormActions>
      </Form>
    </Page>
  );
}
