import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { ChartFigure } from "../../ui/chart-export.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Section } from "../../ui/page.tsx";
import { useToast } from "../../ui/toast.tsx";
import { createFollowUp, type RatedItem, resultsKeys, type SurveyResults } from "./api.ts";
import { AttributeChart } from "./charts.tsx";

const EARLIER = "earlier";
const fixed = (v: number | null) => (v === null ? "—" : v.toFixed(2));

/** The chart by attribute: each section's mean with ±1 SD, against the agreement line. */
export function HealthChart({ results: r }: { results: SurveyResults }) {
  const { t } = useTranslation();
  const sections = r.sections.filter((s) => s.key !== EARLIER && s.mean !== null);
  if (!sections.length) return null;
  const readingOf = (mean: number | null) =>
    mean === null
      ? t("surveyResults.noAnswers")
      : mean >= r.threshold
        ? t("surveyResults.strength")
        : t("surveyResults.growthArea");
  const bars = sections.map((s) => ({
    label: s.title,
    mean: s.mean,
    sd: s.sd,
    growth: s.mean !== null && s.mean < r.threshold,
    note: t("surveyResults.barNote", { mean: fixed(s.mean), sd: fixed(s.sd), reading: readingOf(s.mean) }),
  }));
  const title = t("surveyResults.chartTitle");
  return (
    <Section title={title} id="by-attribute">
      <ChartFigure
        title={title}
        summary={t("surveyResults.chartSummary")}
        rowHeader="attribute"
        columns={[
          { key: "attribute", label: t("surveyResults.attribute") },
          { key: "mean", label: t("surveyResults.mean") },
          { key: "sd", label: t("surveyResults.sd") },
          { key: "answers", label: t("surveyResults.answers") },
          { key: "reading", label: t("surveyResults.reading") },
        ]}
        rows={sections.map((s) => ({
          attribute: s.title,
          mean: s.mean,
          sd: s.sd,
          answers: s.count,
          reading: readingOf(s.mean),
        }))}
        renderCell={(key, row) =>
          key === "mean" || key === "sd" ? fixed(row[key] as number | null) : row[key]
        }
      >
        <AttributeChart
          bars={bars}
          top={r.points}
          threshold={r.threshold}
          axisLabel={t("surveyResults.axis")}
          lineLabel={t("surveyResults.agreementLine")}
        />
      </ChartFigure>
    </Section>
  );
}

function RatedList({ items }: { items: RatedItem[] }) {
  const { t } = useTranslation();
  return (
    <ul className="survey-results-rated">
      {items.map((i) => (
        <li key={`${i.sectionKey}-${i.questionKey}`}>
          {i.title}{" "}
          <span className="survey-results-muted">
            ({t("surveyResults.meanOf", { mean: fixed(i.mean), sd: fixed(i.sd) })})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Strengths and growth areas; each growth area can become a goal or a cycle (once). */
export function StrengthsAndGrowth({ results: r }: { results: SurveyResults }) {
  const { t } = useTranslation();
  const sectionsOf = (items: RatedItem[]) => items.filter((i) => i.kind === "section");
  const statementsOf = (items: RatedItem[]) => items.filter((i) => i.kind === "statement");
  const strengths = sectionsOf(r.strengths);
  const growth = sectionsOf(r.growthAreas);
  return (
    <div className="survey-results-columns">
      <Section title={t("surveyResults.strengthsTitle")} id="strengths">
        {strengths.length ? <RatedList items={strengths} /> : <p>{t("surveyResults.strengthsEmpty")}</p>}
        {statementsOf(r.strengths).length ? (
          <details>
            <summary>{t("surveyResults.statementsTitle")}</summary>
            <RatedList items={statementsOf(r.strengths)} />
          </details>
        ) : null}
      </Section>
      <Section title={t("surveyResults.growthTitle")} id="growth-areas">
        {growth.length ? (
          <>
            {r.can.followUp ? <p>{t("surveyResults.growthHint")}</p> : null}
            <ul className="survey-results-growth">
              {growth.map((g) => (
                <GrowthArea key={g.sectionKey} item={g} results={r} />
              ))}
            </ul>
          </>
        ) : (
          <p>{t("surveyResults.growthEmpty")}</p>
        )}
        {statementsOf(r.growthAreas).length ? (
          <details>
            <summary>{t("surveyResults.statementsTitle")}</summary>
            <RatedList items={statementsOf(r.growthAreas)} />
          </details>
        ) : null}
      </Section>
    </div>
  );
}

function GrowthArea({ item, results: r }: { item: RatedItem; results: SurveyResults }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const made = r.followUps.filter((f) => f.sectionKey === item.sectionKey);
  const make = useMutation({
    mutationFn: (kind: "goal" | "cycle") =>
      createFollowUp(r.administration.id, { sectionKey: item.sectionKey, kind }),
    onSuccess: (followUp) => {
      toast.success(followUp.kind === "goal" ? t("surveyResults.goalMade") : t("surveyResults.cycleMade"));
      void queryClient.invalidateQueries({ queryKey: resultsKeys.all(r.administration.id) });
    },
  });
  const has = (kind: "goal" | "cycle") => made.find((f) => f.kind === kind);
  const goal = has("goal");
  const cycle = has("cycle");
  return (
    <li className="survey-results-growth__item">
      <p className="survey-results-growth__title">
        <strong>{item.title}</strong>{" "}
        <span className="survey-results-muted">
          ({t("surveyResults.meanOf", { mean: fixed(item.mean), sd: fixed(item.sd) })})
        </span>
      </p>
      <div className="cluster">
        {goal ? (
          <Link to="/goals/$goalId" params={{ goalId: goal.goalId ?? "" }}>
            {t("surveyResults.openGoal", { title: goal.title })}
          </Link>
        ) : r.can.followUp ? (
          <Button
            size="small"
            accessibleName={t("surveyResults.makeGoalNamed", { title: item.title })}
            isPending={make.isPending && make.variables === "goal"}
            onPress={() => make.mutate("goal")}
          >
            {t("surveyResults.makeGoal")}
          </Button>
        ) : null}
        {cycle ? (
          <Link to="/cycles/$cycleId" params={{ cycleId: cycle.cycleId ?? "" }}>
            {t("surveyResults.openCycle", { title: cycle.title })}
          </Link>
        ) : r.can.followUp ? (
          <Button
            size="small"
            accessibleName={t("surveyResults.startCycleNamed", { title: item.title })}
            isPending={make.isPending && make.variables === "cycle"}
            onPress={() => make.mutate("cycle")}
          >
            {t("surveyResults.startCycle")}
          </Button>
        ) : null}
      </div>
      {make.error ? (
        <p className="inline-error" role="alert">
          {describeError(make.error, t)}
        </p>
      ) : null}
    </li>
  );
}
