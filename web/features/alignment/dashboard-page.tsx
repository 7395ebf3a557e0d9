import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { cycleStatuses, goalStatuses } from "../../../shared/schemas/goal-enums.ts";
import { LinkButton } from "../../ui/button.tsx";
import { Page, Section } from "../../ui/page.tsx";
import { EmptyState, ErrorState, Loading } from "../../ui/states.tsx";
import { useMe } from "../auth/me.ts";
import { type Dashboard, type DashboardFilters, dashboardQuery } from "./api.ts";
import { DashboardFilterForm } from "./dashboard-filters.tsx";
import { CyclesTable, GoalsTable } from "./dashboard-tables.tsx";
import "./alignment.css";

/** /dashboard — the leaders' dashboard of goals and cycles in their scope, with filters in the URL. */
export function DashboardPage({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const me = useMe();
  const leader = me.person.orgRole === "administrator" || me.person.orgRole === "school_leader";
  if (!leader)
    return (
      <Page title={t("alignment.dashboard.title")}>
        <EmptyState title={t("alignment.dashboard.notAllowedTitle")}>
          <p>{t("alignment.dashboard.notAllowedHint")}</p>
        </EmptyState>
      </Page>
    );
  return <LeaderDashboard filters={filters} />;
}

function LeaderDashboard({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const query = useQuery(dashboardQuery(filters));
  const key = JSON.stringify(filters);
  return (
    <Page
      title={t("alignment.dashboard.title")}
      lead={<p>{t("alignment.dashboard.lead")}</p>}
      actions={
        <LinkButton to="/alignment" search={{ schoolId: filters.schoolId }} variant="secondary">
          {t("alignment.dashboard.openMap")}
        </LinkButton>
      }
    >
      <div className="stack">
        {/* Remount with new URL filters, so the boxes show what the tables show. */}
        <DashboardFilterForm
          key={`${key}-${query.data ? "ready" : "loading"}`}
          filters={filters}
          choices={query.data}
        />
        {query.isPending ? (
          <Loading label={t("alignment.dashboard.loading")} />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <>
            <Counts counts={query.data.counts} />
            {query.data.goals ? <GoalsTable key={key} page={query.data.goals} filters={filters} /> : null}
            {query.data.cycles ? <CyclesTable key={key} page={query.data.cycles} filters={filters} /> : null}
          </>
        )}
      </div>
    </Page>
  );
}

function Counts({ counts }: { counts: Dashboard["counts"] }) {
  const { t } = useTranslation();
  if (!counts) return null;
  const stages = ["1", "2", "3", "4", "5", "6", "7"] as const;
  return (
    <Section title={t("alignment.dashboard.countsTitle")} id="dashboard-counts">
      <p>
        {t("alignment.dashboard.totalGoals", { count: counts.goals })} ·{" "}
        {t("alignment.dashboard.totalCycles", { count: counts.cycles })}
      </p>
      <div className="dashboard-counts">
        <CountList
          title={t("alignment.dashboard.goalsByStatus")}
          rows={goalStatuses.map((s) => [t(`alignment.statuses.${s}`), counts.goalsByStatus[s] ?? 0])}
        />
        <CountList
          title={t("alignment.dashboard.cyclesByStage")}
          rows={stages.map((s) => [
            t("alignment.stageOf", { stage: s, name: t(`alignment.stages.${s}`) }),
            counts.cyclesByStage[s] ?? 0,
          ])}
        />
        <CountList
          title={t("alignment.dashboard.cyclesByStatus")}
          rows={cycleStatuses.map((s) => [t(`alignment.cycleStatuses.${s}`), counts.cyclesByStatus[s] ?? 0])}
        />
      </div>
    </Section>
  );
}

function CountList({ title, rows }: { title: string; rows: [string, number][] }) {
  const id = `counts-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <dl>
        {rows.map(([label, n]) => (
          <div key={label} style={{ display: "contents" }}>
            <dt>{label}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
