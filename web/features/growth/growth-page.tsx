import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.ts";
import { describeError } from "../../ui/form/field-errors.ts";
import { Page, Section } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { Loading, QueryView } from "../../ui/states.tsx";
import { AssessmentNav } from "../assessments/assessment-nav.tsx";
import { suggestionsQuery, teamAssessmentsQuery } from "../groups/api.ts";
import { growthQuery } from "./api.ts";
import { GrowthFigure } from "./growth-figure.tsx";
import "./growth.css";

export type GrowthSearch = { before?: string; standard?: string };

/** /assessments/$assessmentId/growth?before=&standard= — this assessment as the "after" of a strategy. */
export function GrowthPage({ assessmentId, search }: { assessmentId: string; search: GrowthSearch }) {
  const { t } = useTranslation();
  // The suggestions without a standard name the assessment, its team and its standards.
  const query = useQuery(suggestionsQuery(assessmentId, ""));
  return (
    <QueryView query={query} loadingLabel={t("growth.loading")}>
      {({ assessment: a }) => (
        <Page
          title={t("growth.title", { title: a.title })}
          eyebrow={
            <Link to="/assessments/$assessmentId" params={{ assessmentId: a.id }}>
              {t("groups.back", { title: a.title })}
            </Link>
          }
          lead={t("growth.lead")}
        >
          <AssessmentNav assessmentId={a.id} />
          {a.communityId ? (
            <GrowthChooser communityId={a.communityId} afterId={a.id} search={search} />
          ) : (
            <p>{t("growth.districtWide")}</p>
          )}
        </Page>
      )}
    </QueryView>
  );
}

function GrowthChooser(props: { communityId: string; afterId: string; search: GrowthSearch }) {
  const { communityId, afterId, search } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useQuery(teamAssessmentsQuery(communityId));
  const others = (list.data?.items ?? []).filter((x) => x.id !== afterId);
  const go = (next: GrowthSearch) =>
    void navigate({
      to: "/assessments/$assessmentId/growth",
      params: { assessmentId: afterId },
      search: next,
    });
  const growth = useQuery({
    ...growthQuery(search.before ?? "", afterId, search.standard ?? ""),
    enabled: Boolean(search.before),
  });
  return (
    <>
      <div className="growth-filters">
        <SelectField
          label={t("growth.beforeLabel")}
          value={search.before ?? ""}
          placeholder={t("growth.chooseBefore")}
          options={others.map((x) => ({ value: x.id, label: x.title }))}
          onChange={(before) => go(before ? { before } : {})}
        />
        {growth.data ? (
          <SelectField
            label={t("growth.standardLabel")}
            value={search.standard ?? ""}
            placeholder={t("growth.everyStandard")}
            options={growth.data.sharedStandards.map((s) => ({ value: s, label: s }))}
            onChange={(standard) => go({ before: search.before, ...(standard ? { standard } : {}) })}
          />
        ) : null}
      </div>
      {!search.before ? (
        <p>{t("growth.chooseHint")}</p>
      ) : growth.isPending ? (
        <Loading label={t("growth.loading")} />
      ) : growth.isError ? (
        <p className="inline-error" role="alert">
          {isApiError(growth.error) && growth.error.status === 400
            ? growth.error.message
            : describeError(growth.error, t)}
        </p>
      ) : (
        <Section title={t("growth.resultTitle")} id="growth">
          <GrowthFigure growth={growth.data} />
        </Section>
      )}
    </>
  );
}
