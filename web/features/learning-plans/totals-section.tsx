import { useTranslation } from "react-i18next";
import { Section } from "../../ui/page.tsx";
import type { LearningPlan } from "./api.ts";
import { useHours } from "./format.ts";

/** Hours overall, per learning goal and per kind of activity. */
export function TotalsSection({ plan, headingLevel = 2 }: { plan: LearningPlan; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const hours = useHours();
  const goalTitle = (id: string | null) =>
    plan.goals.find((g) => g.id === id)?.title ?? t("learningPlan.noGoal");
  const table = (caption: string, head: string, rows: { key: string; label: string; hours: number }[]) => (
    <table className="plan-table plan-table--small">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" className="num">
            {t("learningPlan.colHours")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">{hours(r.hours)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Section title={t("learningPlan.totalsTitle")} id="totals" headingLevel={headingLevel}>
      <p className="plan-total">{t("learningPlan.totalHours", { count: plan.totals.hours })}</p>
      {plan.activities.length ? (
        <div className="plan-totals">
          {table(
            t("learningPlan.byGoal"),
            t("learningPlan.colGoal"),
            plan.totals.byGoal.map((g) => ({
              key: g.learningGoalId ?? "none",
              label: goalTitle(g.learningGoalId),
              hours: g.hours,
            })),
          )}
          {table(
            t("learningPlan.byKind"),
            t("learningPlan.colKind"),
            plan.totals.byKind.map((k) => ({
              key: k.kind,
              label: t(`learningPlan.kind.${k.kind}`),
              hours: k.hours,
            })),
          )}
        </div>
      ) : null}
    </Section>
  );
}
