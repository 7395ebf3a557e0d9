import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { schoolYearLabel } from "../../../shared/schemas/learning-plans.ts";
import { Button } from "../../ui/button.tsx";
import { Page, Section } from "../../ui/page.tsx";
import { QueryView } from "../../ui/states.tsx";
import { useMe } from "../auth/me.ts";
import { formatDay } from "../journals/api.ts";
import { type LearningPlan, planQuery } from "./api.ts";
import { TotalsSection } from "./totals-section.tsx";
import "./learning-plans.css";

/** /learning-plan/$year/summary — the year on paper: goals, activities with dates and hours, reflections. */
export function SummaryPage({ year }: { year: string }) {
  const { t } = useTranslation();
  const query = useQuery(planQuery(year));
  return (
    <QueryView query={query} loadingLabel={t("learningPlan.loading")}>
      {(plan) => <Summary plan={plan} />}
    </QueryView>
  );
}

function Summary({ plan }: { plan: LearningPlan }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const label = schoolYearLabel(plan.schoolYear);
  const goalTitle = (id: string | null) =>
    plan.goals.find((g) => g.id === id)?.title ?? t("learningPlan.noGoal");
  return (
    <div className="plan-summary">
      <Page
        title={t("learningPlan.summaryTitle", { year: label })}
        lead={t("learningPlan.summaryLead", { name: me.person.name, year: label })}
        actions={
          <span className="cluster no-print">
            <Button variant="primary" onPress={() => window.print()}>
              {t("learningPlan.print")}
            </Button>
            <Link to="/learning-plan" search={{ year: plan.schoolYear }}>
              {t("learningPlan.backToPlan")}
            </Link>
          </span>
        }
      >
        <Section title={t("learningPlan.goalsTitle")} id="summary-goals">
          {plan.goals.length === 0 ? (
            <p className="muted">{t("learningPlan.nothingYet")}</p>
          ) : (
            <ul>
              {plan.goals.map((g) => (
                <li key={g.id}>
                  <strong>{g.title}</strong> — {t(`learningPlan.status.${g.status}`)}
                  {g.why ? <p className="pre-line">{g.why}</p> : null}
                  {g.goal ? (
                    <p className="muted">{t("learningPlan.servesLine", { title: g.goal.title })}</p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={t("learningPlan.activitiesTitle")} id="summary-activities">
          {plan.activities.length === 0 ? (
            <p className="muted">{t("learningPlan.nothingYet")}</p>
          ) : (
            <ol className="plan-summary__activities">
              {plan.activities.map((a) => (
                <li key={a.id}>
                  <h3>{a.title}</h3>
                  <p className="muted">
                    {[
                      a.happenedOn ? formatDay(a.happenedOn, i18n.language) : null,
                      t(`learningPlan.kind.${a.kind}`),
                      goalTitle(a.learningGoalId),
                      a.hours !== null ? t("learningPlan.hoursOfGoal", { count: a.hours }) : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                  {a.evidence ? (
                    <p className="pre-line">{t("learningPlan.evidence", { text: a.evidence })}</p>
                  ) : null}
                  {a.reflection ? <p className="pre-line">{a.reflection}</p> : null}
                </li>
              ))}
            </ol>
          )}
        </Section>
        <TotalsSection plan={plan} />
        <Section title={t("learningPlan.fieldYearReflection")} id="summary-reflection">
          <p className="pre-line">{plan.reflection || t("learningPlan.nothingYet")}</p>
        </Section>
        <Section title={t("learningPlan.fieldModeling")} id="summary-modeling">
          <p className="pre-line">{plan.modelingForStudents || t("learningPlan.nothingYet")}</p>
        </Section>
      </Page>
    </div>
  );
}
