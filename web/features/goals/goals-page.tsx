import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import {
  type GoalLevel,
  type GoalStatus,
  goalLevels,
  goalStatuses,
} from "../../../shared/schemas/goal-enums.ts";
import { LinkButton } from "../../ui/button.tsx";
import { Page, Section } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { useMe } from "../auth/me.ts";
import { type Goal, goalListQuery } from "./api.ts";
import { StatusBadge, useCalendarDate } from "./labels.tsx";
import { ProgressLine } from "./progress-line.tsx";
import "./goals.css";

export type GoalsSearch = { level?: GoalLevel | undefined; status?: GoalStatus | undefined };

/** Administrators set district and reference goals, school leaders their schools'. */
export function useCanCreateGoals() {
  const me = useMe();
  return me.person.orgRole === "administrator" || me.person.orgRole === "school_leader";
}

/** /goals: every goal the person may read, grouped by level, with filters. */
export function GoalsPage({ search }: { search: GoalsSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canCreate = useCanCreateGoals();
  const query = useQuery(goalListQuery({ level: search.level, status: search.status }));
  const filtered = Boolean(search.level || search.status);
  const set = (next: GoalsSearch) => void navigate({ to: "/goals", search: { ...search, ...next } });
  return (
    <Page
      title={t("goals.title")}
      lead={t("goals.lead")}
      actions={
        <>
          <LinkButton to="/alignment" variant="secondary">
            {t("alignment.dashboard.openMap")}
          </LinkButton>
          {canCreate ? (
            <LinkButton to="/goals/new" variant="primary">
              {t("goals.newGoal")}
            </LinkButton>
          ) : null}
        </>
      }
    >
      <div className="goal-filters cluster">
        <SelectField
          label={t("goals.filterLevel")}
          value={search.level ?? ""}
          onChange={(v) => set({ level: (v || undefined) as GoalLevel | undefined })}
          placeholder={t("goals.allLevels")}
          options={goalLevels.map((l) => ({ value: l, label: t(`goals.levels.${l}`) }))}
        />
        <SelectField
          label={t("goals.filterStatus")}
          value={search.status ?? ""}
          onChange={(v) => set({ status: (v || undefined) as GoalStatus | undefined })}
          placeholder={t("goals.allStatuses")}
          options={goalStatuses.map((s) => ({ value: s, label: t(`goals.statuses.${s}`) }))}
        />
      </div>
      <QueryView query={query}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title={t("goals.none")}>
              <p>
                {filtered
                  ? t("goals.noneFiltered")
                  : canCreate
                    ? t("goals.noneHintCreate")
                    : t("goals.noneHint")}
              </p>
            </EmptyState>
          ) : (
            goalLevels
              .filter((level) => items.some((g) => g.level === level))
              .map((level) => (
                <Section key={level} title={t(`goals.levelHeadings.${level}`)} id={`goals-${level}`}>
                  <GoalList goals={items.filter((g) => g.level === level)} />
                </Section>
              ))
          )
        }
      </QueryView>
    </Page>
  );
}

/** Goals as a list of cards: title (link), place, status, deadline, progress. */
export function GoalList({ goals, headingLevel = 3 }: { goals: Goal[]; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const date = useCalendarDate();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <ul className="goal-list">
      {goals.map((goal) => (
        <li key={goal.id} className="goal-list__item">
          <Heading className="goal-list__title">
            <Link to="/goals/$goalId" params={{ goalId: goal.id }}>
              {goal.title}
            </Link>
          </Heading>
          <p className="goal-list__meta cluster">
            <StatusBadge status={goal.status} />
            {goal.school || goal.community ? <span>{goal.school?.name ?? goal.community?.name}</span> : null}
            {goal.deadline ? <span>{t("goals.deadlineLine", { date: date(goal.deadline) })}</span> : null}
          </p>
          <ProgressLine goal={goal} />
        </li>
      ))}
    </ul>
  );
}
