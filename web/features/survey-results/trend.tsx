import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ChartFigure } from "../../ui/chart-export.tsx";
import { Section } from "../../ui/page.tsx";
import { type SurveyResults, trendQuery } from "./api.ts";
import { TrendChart, type TrendPoint } from "./charts.tsx";

/** Term to term: shown when this survey went to this audience more than once. */
export function TrendSection({ results }: { results: SurveyResults }) {
  const { t } = useTranslation();
  const query = useQuery(trendQuery(results));
  const trend = query.data;
  if (!trend || trend.administrations.length < 2) return null;
  const title = t("surveyResults.trendChartTitle");
  const titleOf = new Map(trend.sections.map((s) => [s.key, s.title]));
  const points: TrendPoint[] = trend.administrations.flatMap((a) =>
    a.sections.flatMap((s) =>
      s.mean === null || !titleOf.has(s.key)
        ? []
        : [{ administration: a.title, attribute: titleOf.get(s.key) ?? s.key, mean: s.mean }],
    ),
  );
  const cell = (mean: number | null, sd: number | null, n: number) =>
    mean === null
      ? ""
      : `${mean.toFixed(2)} (${t("surveyResults.sdShort")} ${sd?.toFixed(2) ?? "—"}, n ${n})`;
  return (
    <Section title={t("surveyResults.trendTitle")} id="trend">
      <ChartFigure
        title={title}
        summary={t("surveyResults.trendSummary")}
        rowHeader="administration"
        columns={[
          { key: "administration", label: t("surveyResults.administration") },
          ...trend.sections.map((s) => ({ key: s.key, label: s.title })),
        ]}
        rows={trend.administrations.map((a) => ({
          administration: a.title,
          ...Object.fromEntries(
            trend.sections.map((s) => {
              const found = a.sections.find((x) => x.key === s.key);
              return [
                s.key,
                a.hidden
                  ? t("surveyResults.hiddenCell")
                  : cell(found?.mean ?? null, found?.sd ?? null, found?.count ?? 0),
              ];
            }),
          ),
        }))}
      >
        <TrendChart
          points={points}
          order={trend.administrations.filter((a) => !a.hidden).map((a) => a.title)}
          top={results.points}
          axisLabel={t("surveyResults.axis")}
        />
      </ChartFigure>
    </Section>
  );
}
