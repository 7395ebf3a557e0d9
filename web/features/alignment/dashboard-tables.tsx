import { Link } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { DateTime } from "../../ui/format.tsx";
import { Section } from "../../ui/page.tsx";
import { Badge, EmptyState, ErrorState } from "../../ui/states.tsx";
import { type DashboardCycle, type DashboardFilters, type DashboardGoal, morePage } from "./api.ts";

type PageOf<T> = { items: T[]; nextCursor: string | null };

/** A list's first page and the pages "Load more" adds (kept here; new filters remount it). */
function usePaged<T>(first: PageOf<T>, filters: DashboardFilters, list: "goals" | "cycles") {
  const [more, setMore] = useState<T[]>([]);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const loadMore = async () => {
    if (!cursor) return;
    setPending(true);
    setError(null);
    try {
      const next = (await morePage(filters, cursor))[list] as PageOf<T> | null;
      setMore((m) => [...m, ...(next?.items ?? [])]);
      setCursor(next?.nextCursor ?? null);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  return { items: [...first.items, ...more], cursor, pending, error, loadMore };
}

const names = (refs: { name: string }[]) => refs.map((r) => r.name).join(", ") || "—";

function Table({ caption, head, children }: { caption: string; head: string[]; children: ReactNode }) {
  return (
    <div className="dashboard-table-wrap">
      <table className="dashboard-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function GoalsTable({ page, filters }: { page: PageOf<DashboardGoal>; filters: DashboardFilters }) {
  const { t } = useTranslation();
  const paged = usePaged(page, filters, "goals");
  const d = (key: string) => t(`alignment.dashboard.${key}` as "alignment.dashboard.colGoal");
  return (
    <Section title={t("alignment.dashboard.goalsTitle")} id="dashboard-goals">
      {paged.items.length === 0 ? (
        <EmptyState title={t("alignment.dashboard.noGoals")} />
      ) : (
        <Table
          caption={t("alignment.dashboard.goalsTitle")}
          head={[
            "colGoal",
            "colLevel",
            "colCommunity",
            "colSchool",
            "colStatus",
            "colLastActivity",
            "colAlignment",
          ].map(d)}
        >
          {paged.items.map((goal) => (
            <tr key={goal.id}>
              <th scope="row">
                <Link to="/goals/$goalId" params={{ goalId: goal.id }}>
                  {goal.title}
                </Link>
              </th>
              <td>{t(`alignment.levels.${goal.level}`)}</td>
              <td>{goal.community?.name ?? "—"}</td>
              <td>{names(goal.schools)}</td>
              <td>
                {t(`alignment.statuses.${goal.status}`)}
                {goal.overdue ? (
                  <>
                    {" "}
                    <Badge tone="danger">{t("alignment.dashboard.overdue")}</Badge>
                  </>
                ) : null}
              </td>
              <td>
                <DateTime iso={goal.lastActivityAt} />
              </td>
              <td>
                {goal.level === "national"
                  ? t("alignment.dashboard.none")
                  : goal.alignedUp > 0
                    ? t("alignment.dashboard.alignedUp", { count: goal.alignedUp })
                    : t("alignment.dashboard.notAlignedUp")}
                {" · "}
                {t("alignment.dashboard.below", { count: goal.alignedBelow })}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <More paged={paged} label={t("alignment.dashboard.loadMoreGoals")} />
    </Section>
  );
}

export function CyclesTable({ page, filters }: { page: PageOf<DashboardCycle>; filters: DashboardFilters }) {
  const { t } = useTranslation();
  const paged = usePaged(page, filters, "cycles");
  const d = (key: string) => t(`alignment.dashboard.${key}` as "alignment.dashboard.colGoal");
  return (
    <Section title={t("alignment.dashboard.cyclesTitle")} id="dashboard-cycles">
      {paged.items.length === 0 ? (
        <EmptyState title={t("alignment.dashboard.noCycles")} />
      ) : (
        <Table
          caption={t("alignment.dashboard.cyclesTitle")}
          head={[
            "colCycle",
            "colCommunity",
            "colSchool",
            "colStage",
            "colStatus",
            "colLastActivity",
            "colGoalOfCycle",
            "colAlignment",
          ].map(d)}
        >
          {paged.items.map((cycle) => (
            <tr key={cycle.id}>
              <th scope="row">
                <Link to="/cycles/$cycleId" params={{ cycleId: cycle.id }}>
                  {cycle.title}
                </Link>
              </th>
              <td>{cycle.community.name}</td>
              <td>{names(cycle.schools)}</td>
              <td>
                {t("alignment.stageOf", {
                  stage: cycle.stage,
                  name: t(`alignment.stages.${String(cycle.stage) as "1"}`),
                })}
              </td>
              <td>{t(`alignment.cycleStatuses.${cycle.status}`)}</td>
              <td>
                <DateTime iso={cycle.lastActivityAt} />
              </td>
              <td>
                {cycle.goal ? (
                  <Link to="/goals/$goalId" params={{ goalId: cycle.goal.id }}>
                    {cycle.goal.title}
                  </Link>
                ) : (
                  t("alignment.dashboard.noGoal")
                )}
              </td>
              <td>
                {cycle.goal
                  ? cycle.goalAlignedUp
                    ? t("alignment.dashboard.goalAligned")
                    : t("alignment.dashboard.goalNotAligned")
                  : "—"}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <More paged={paged} label={t("alignment.dashboard.loadMoreCycles")} />
    </Section>
  );
}

function More({ paged, label }: { paged: ReturnType<typeof usePaged<unknown>>; label: string }) {
  return (
    <>
      {paged.error ? <ErrorState error={paged.error} onRetry={() => void paged.loadMore()} /> : null}
      {paged.cursor ? (
        <div>
          <Button onPress={() => void paged.loadMore()} isPending={paged.pending}>
            {label}
          </Button>
        </div>
      ) : null}
    </>
  );
}
