import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Section } from "../../ui/page.tsx";
import { EmptyState } from "../../ui/states.tsx";
import { formatDay } from "../journals/api.ts";
import { ActivityForm } from "./activity-form.tsx";
import { type Activity, type LearningPlan, removeActivity } from "./api.ts";
import { EditRemove } from "./edit-remove.tsx";
import { useHours } from "./format.ts";

/** The activities table (date, kind, title, goal, hours; total in the footer) and the form to log one. */
export function ActivitiesSection({ plan, year }: { plan: LearningPlan; year: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const hours = useHours();
  const editingActivity = plan.activities.find((a) => a.id === editing) ?? null;
  return (
    <Section title={t("learningPlan.activitiesTitle")} id="activities">
      {plan.activities.length === 0 ? (
        <EmptyState title={t("learningPlan.activitiesEmptyTitle")}>
          <p>{t("learningPlan.activitiesEmpty")}</p>
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="plan-table">
            <caption>{t("learningPlan.activitiesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("learningPlan.colDate")}</th>
                <th scope="col">{t("learningPlan.colKind")}</th>
                <th scope="col">{t("learningPlan.colActivity")}</th>
                <th scope="col">{t("learningPlan.colGoal")}</th>
                <th scope="col" className="num">
                  {t("learningPlan.colHours")}
                </th>
                <th scope="col">{t("learningPlan.colActions")}</th>
              </tr>
            </thead>
            <tbody>
              {plan.activities.map((a) => (
                <ActivityRow
                  key={a.id}
                  activity={a}
                  plan={plan}
                  year={year}
                  onEdit={() => setEditing(a.id)}
                />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  {t("learningPlan.total")}
                </th>
                <td className="num">{hours(plan.totals.hours)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <ActivityForm
        key={editing ?? "new"}
        plan={plan}
        year={year}
        activity={editingActivity}
        onDone={() => setEditing(null)}
      />
    </Section>
  );
}

function ActivityRow(props: { activity: Activity; plan: LearningPlan; year: string; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const { activity: a } = props;
  const hours = useHours();
  const goal = props.plan.goals.find((g) => g.id === a.learningGoalId);
  return (
    <tr>
      <td>{a.happenedOn ? formatDay(a.happenedOn, i18n.language) : t("learningPlan.noDate")}</td>
      <td>{t(`learningPlan.kind.${a.kind}`)}</td>
      <td>
        {a.title}
        {a.journalEntry ? (
          <>
            {" "}
            (
            <Link to="/journal/$entryId" params={{ entryId: a.journalEntry.id }}>
              {t("learningPlan.journalEntry")}
            </Link>
            )
          </>
        ) : null}
        {a.community ? (
          <div className="muted">{[a.community.name, a.meeting?.title].filter(Boolean).join(" · ")}</div>
        ) : null}
      </td>
      <td>{goal?.title ?? t("learningPlan.noGoal")}</td>
      <td className="num">{hours(a.hours)}</td>
      <td>
        <EditRemove
          year={props.year}
          onEdit={props.onEdit}
          remove={() => removeActivity(props.year, a.id)}
          labels={{
            edit: t("learningPlan.editActivity", { title: a.title }),
            remove: t("learningPlan.removeActivity", { title: a.title }),
            confirmTitle: t("learningPlan.removeActivityTitle"),
            confirmBody: t("learningPlan.removeActivityBody"),
          }}
        />
      </td>
    </tr>
  );
}
