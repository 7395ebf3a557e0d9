import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Section } from "../../ui/page.tsx";
import type { AlignmentMap, MapGoal } from "./api.ts";
import type { MapModel } from "./model.ts";

/** What the selection means, in words (announced politely as it changes). */
export function SelectionText({ model, selected }: { model: MapModel; selected: string | null }) {
  const { t } = useTranslation();
  const goal = selected ? model.byId.get(selected) : undefined;
  const titles = (ids: string[] | undefined) =>
    (ids ?? []).map((id) => model.byId.get(id)?.title ?? "").filter(Boolean);
  const up = titles(goal ? model.up.get(goal.id) : []);
  const down = titles(goal ? model.down.get(goal.id) : []);
  return (
    <p className="alignment-selection" role="status" aria-live="polite">
      {goal ? (
        <>
          <strong>{t("alignment.map.selected", { title: goal.title })}</strong>{" "}
          {up.length
            ? t("alignment.map.alignsTo", { count: up.length, titles: up.join("; ") })
            : t("alignment.map.alignsToNone")}{" "}
          {down.length
            ? t("alignment.map.alignedFrom", { count: down.length, titles: down.join("; ") })
            : t("alignment.map.alignedFromNone")}
        </>
      ) : (
        t("alignment.map.selectHint")
      )}
    </p>
  );
}

/**
 * The map as nested lists: the top goals (aligned to nothing shown), each with the goals aligned to it
 * beneath, down to the communities. A goal serving two goals appears under both.
 */
export function MapList({ model }: { model: MapModel }) {
  const { t } = useTranslation();
  const roots = [...model.byId.values()].filter(
    (g) => !(model.up.get(g.id)?.some((id) => model.byId.has(id)) ?? false) && isListed(model, g),
  );
  return (
    <section aria-labelledby="alignment-list-heading" className="alignment-list">
      <h2 id="alignment-list-heading">{t("alignment.map.listHeading")}</h2>
      <Tree model={model} goals={roots} depth={0} />
    </section>
  );
}

const isListed = (model: MapModel, g: MapGoal) =>
  model.columns.some((c) => c.goals.some((x) => x.id === g.id));

function Tree({ model, goals, depth }: { model: MapModel; goals: MapGoal[]; depth: number }) {
  const { t } = useTranslation();
  if (goals.length === 0 || depth > 4) return null;
  return (
    <ul>
      {goals.map((goal) => {
        const children = (model.down.get(goal.id) ?? [])
          .map((id) => model.byId.get(id))
          .filter((g): g is MapGoal => g !== undefined);
        const count = model.communityCounts.get(goal.id);
        return (
          <li key={goal.id}>
            <Link to="/goals/$goalId" params={{ goalId: goal.id }}>
              {goal.title}
            </Link>{" "}
            <span className="muted">
              ({t(`alignment.levels.${goal.level}`)}
              {goal.community ? `, ${goal.community.name}` : goal.school ? `, ${goal.school.name}` : ""} —{" "}
              {t(`alignment.statuses.${goal.status}`)})
            </span>
            {count !== undefined ? (
              <span className="muted"> · {t("alignment.map.communityCount", { count })}</span>
            ) : null}
            <Tree model={model} goals={children} depth={depth + 1} />
          </li>
        );
      })}
    </ul>
  );
}

/** The three gaps, each goal a link to its page. */
export function GapsPanel({ map, model }: { map: AlignmentMap; model: MapModel }) {
  const { t } = useTranslation();
  const kinds = ["unaligned", "unsupported", "overdue"] as const;
  return (
    <Section title={t("alignment.map.gaps.title")} id="alignment-gaps">
      <p>{t("alignment.map.gaps.lead")}</p>
      <div className="alignment-gaps">
        {kinds.map((kind) => {
          const gap = map.gaps[kind];
          const goals = gap.items
            .map((id) => model.byId.get(id))
            .filter((g): g is MapGoal => g !== undefined);
          return (
            <section key={kind} aria-labelledby={`gap-${kind}`} className="alignment-gap">
              <h3 id={`gap-${kind}`}>
                {t(`alignment.map.gaps.${kind}`)} ({gap.total})
              </h3>
              {goals.length === 0 ? (
                <p className="muted">{t("alignment.map.gaps.none")}</p>
              ) : (
                <ul>
                  {goals.map((goal) => (
                    <li key={goal.id}>
                      <Link to="/goals/$goalId" params={{ goalId: goal.id }}>
                        {goal.title}
                      </Link>
                      {goal.community || goal.school ? (
                        <span className="muted"> — {goal.community?.name ?? goal.school?.name}</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
              {gap.total > goals.length ? (
                <p className="muted">{t("alignment.map.gaps.more", { count: gap.total - goals.length })}</p>
              ) : null}
            </section>
          );
        })}
      </div>
    </Section>
  );
}
