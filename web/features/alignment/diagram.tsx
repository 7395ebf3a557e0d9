import { Link } from "@tanstack/react-router";
import { useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../ui/format.tsx";
import { Badge } from "../../ui/states.tsx";
import type { MapGoal } from "./api.ts";
import type { MapModel } from "./model.ts";

type Line = { from: string; to: string; x1: number; y1: number; x2: number; y2: number };

/**
 * Columns of goal cards (state and national, district, schools, communities) joined by SVG lines from each
 * goal to the goals it aligns to. The cards are buttons in reading order (column by column), so a keyboard
 * reaches every goal; the lines are decoration (aria-hidden): the selection is also said in words.
 */
export function Diagram({
  model,
  selected,
  related,
  onSelect,
}: {
  model: MapModel;
  selected: string | null;
  related: Set<string>;
  onSelect: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [size, setSize] = useState({ width: 0, height: 0 });

  // Lines are measured from the laid-out cards, again whenever the diagram changes size.
  useLayoutEffect(() => {
    const root = box.current;
    if (!root) return;
    const measure = () => {
      const origin = root.getBoundingClientRect();
      const rect = (id: string) => root.querySelector(`[data-goal-id="${id}"]`)?.getBoundingClientRect();
      const next: Line[] = [];
      for (const [from, tos] of model.up)
        for (const to of tos) {
          const a = rect(from);
          const b = rect(to);
          if (!a || !b) continue;
          next.push({
            from,
            to,
            x1: a.left - origin.left,
            y1: a.top + a.height / 2 - origin.top,
            x2: b.right - origin.left,
            y2: b.top + b.height / 2 - origin.top,
          });
        }
      setLines(next);
      setSize({ width: root.scrollWidth, height: root.scrollHeight });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    return () => observer.disconnect();
  }, [model]);

  const lit = (l: Line) => selected !== null && (l.from === selected || l.to === selected);
  return (
    <div className="alignment-diagram" ref={box}>
      <svg
        className="alignment-diagram__lines"
        aria-hidden="true"
        width={size.width}
        height={size.height}
        focusable="false"
      >
        {lines.map((l) => (
          <path
            key={`${l.from}-${l.to}`}
            className={lit(l) ? "alignment-line alignment-line--lit" : "alignment-line"}
            d={`M ${l.x1} ${l.y1} C ${l.x1 - 40} ${l.y1}, ${l.x2 + 40} ${l.y2}, ${l.x2} ${l.y2}`}
          />
        ))}
      </svg>
      {model.columns.map((column) => (
        <section
          key={column.key}
          className="alignment-column"
          aria-labelledby={`alignment-col-${column.key}`}
        >
          <h2 id={`alignment-col-${column.key}`} className="alignment-column__title">
            {t(`alignment.columns.${column.key}`)}
          </h2>
          <ul className="alignment-column__list">
            {column.goals.map((goal) => (
              <li key={goal.id}>
                <GoalCard
                  goal={goal}
                  selected={goal.id === selected}
                  related={related.has(goal.id)}
                  communityCount={model.communityCounts.get(goal.id)}
                  onSelect={() => onSelect(goal.id === selected ? null : goal.id)}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

const tone = (status: MapGoal["status"]) =>
  status === "on_track" || status === "met"
    ? "success"
    : status === "at_risk"
      ? "warning"
      : status === "off_track" || status === "not_met"
        ? "danger"
        : "neutral";

function GoalCard({
  goal,
  selected,
  related,
  communityCount,
  onSelect,
}: {
  goal: MapGoal;
  selected: boolean;
  related: boolean;
  communityCount: number | undefined;
  onSelect: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const place = goal.community?.name ?? goal.school?.name ?? null;
  const state = selected ? " alignment-card--selected" : related ? " alignment-card--related" : "";
  return (
    <div className={`alignment-card${state}`} data-goal-id={goal.id}>
      <button type="button" className="alignment-card__select" aria-pressed={selected} onClick={onSelect}>
        <span className="alignment-card__title">{goal.title}</span>
        {place ? <span className="alignment-card__place">{place}</span> : null}
      </button>
      <div className="alignment-card__meta">
        <Badge tone={tone(goal.status)}>{t(`alignment.statuses.${goal.status}`)}</Badge>
        {related ? <Badge tone="info">{t("alignment.map.related")}</Badge> : null}
        {goal.overdue ? <Badge tone="danger">{t("alignment.map.overdue")}</Badge> : null}
      </div>
      {goal.level !== "national" && goal.level !== "state" ? (
        <p className="alignment-card__detail">
          {goal.deadline
            ? t("alignment.map.deadline", { date: format.date(`${goal.deadline}T12:00:00`) })
            : t("alignment.map.noDeadline")}
          {" · "}
          {goal.progress === null
            ? t("alignment.map.noProgress")
            : t("alignment.map.progress", { percent: Math.round(goal.progress * 100) })}
        </p>
      ) : null}
      {communityCount !== undefined ? (
        <p className="alignment-card__detail">
          {t("alignment.map.communityCount", { count: communityCount })}
        </p>
      ) : null}
      <Link to="/goals/$goalId" params={{ goalId: goal.id }} className="alignment-card__open">
        {t("alignment.map.openGoal")}
        <span className="visually-hidden">: {goal.title}</span>
      </Link>
    </div>
  );
}
