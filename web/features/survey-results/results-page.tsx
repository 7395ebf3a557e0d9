import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Page, Section } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { EmptyState, Loading } from "../../ui/states.tsx";
import { type FilterOption, resultsCsvUrl, resultsQuery, type SurveyResults } from "./api.ts";
import { StatementDetails } from "./details.tsx";
import { HealthChart, StrengthsAndGrowth } from "./health.tsx";
import { TrendSection } from "./trend.tsx";
import "./survey-results.css";

type Filter = { school?: string; role?: string };

/** /survey-administrations/$administrationId/results — the chart by attribute, strengths and growth areas, every statement. */
export function ResultsPage({ administrationId }: { administrationId: string }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>({});
  const query = useQuery({ ...resultsQuery(administrationId, filter), placeholderData: keepPreviousData });
  if (query.isError) {
    const e = query.error;
    const hidden = isApiError(e) && e.status === 403 && !filter.school && !filter.role;
    const missing = isApiError(e) && e.status === 404;
    return (
      <Page title={t("surveyResults.hiddenTitle")}>
        <EmptyState title={missing ? t("surveyResults.notFound") : describeError(e, t)}>
          {hidden ? <p>{t("surveyResults.hiddenHint")}</p> : null}
          {filter.school || filter.role ? (
            <Button onPress={() => setFilter({})}>{t("surveyResults.clearFilters")}</Button>
          ) : null}
        </EmptyState>
      </Page>
    );
  }
  if (!query.data) return <Loading label={t("surveyResults.loading")} />;
  return <ResultsView results={query.data} filter={filter} onFilter={setFilter} />;
}

function ResultsView(props: { results: SurveyResults; filter: Filter; onFilter: (f: Filter) => void }) {
  const { results: r, filter } = props;
  const { t } = useTranslation();
  return (
    <Page
      title={t("surveyResults.title", { title: r.administration.title })}
      lead={
        <>
          <strong>{t("surveyResults.responses", { count: r.responses })}</strong>{" "}
          {!filter.school && !filter.role && r.recipients
            ? t("surveyResults.ofRecipients", { recipients: r.recipients, rate: r.rate ?? 0 })
            : null}
          {" · "}
          {r.administration.anonymous ? t("surveyResults.anonymous") : t("surveyResults.named")}
        </>
      }
      actions={
        <a className="button button--secondary" href={resultsCsvUrl(r.administration.id, filter)} download>
          {t("surveyResults.downloadCsv")}
        </a>
      }
    >
      <Filters results={r} filter={filter} onFilter={props.onFilter} />
      <HealthChart results={r} />
      <StrengthsAndGrowth results={r} />
      <TrendSection results={r} />
      <StatementDetails results={r} />
    </Page>
  );
}

function Filters(props: { results: SurveyResults; filter: Filter; onFilter: (f: Filter) => void }) {
  const { results: r, filter, onFilter } = props;
  const { t } = useTranslation();
  const roleLabel = (o: FilterOption) =>
    t(`surveyResults.roles.${o.value}` as "surveyResults.roles.educator", { defaultValue: o.label });
  const { schools, roles } = r.filters;
  if (schools.length + roles.length === 0) return null;
  const field = (
    name: "school" | "role",
    options: FilterOption[],
    every: string,
    label: (o: FilterOption) => string,
  ) => {
    const refused = options.filter((o) => !o.allowed);
    const allowed = options.filter((o) => o.allowed);
    return (
      <SelectField
        label={t(`surveyResults.${name}`)}
        name={name}
        value={filter[name] ?? ""}
        onChange={(value) => onFilter({ ...filter, [name]: value || undefined })}
        isDisabled={allowed.length === 0}
        options={[{ value: "", label: every }, ...allowed.map((o) => ({ value: o.value, label: label(o) }))]}
        description={
          refused.length ? (
            <span>
              {t("surveyResults.unavailable", {
                list: refused.map((o) => `${label(o)} — ${o.reason}`).join("; "),
              })}
            </span>
          ) : undefined
        }
      />
    );
  };
  return (
    <Section title={t("surveyResults.filtersTitle")} id="filters">
      <div className="survey-results-filters">
        {schools.length ? field("school", schools, t("surveyResults.everySchool"), (o) => o.label) : null}
        {roles.length ? field("role", roles, t("surveyResults.everyRole"), roleLabel) : null}
      </div>
    </Section>
  );
}
