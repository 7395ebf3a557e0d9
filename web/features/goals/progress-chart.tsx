import * as Plot from "@observablehq/plot";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { GoalDetail } from "./api.ts";

/**
 * Measurements over time as a line with dots, the baseline as a dashed rule and the target as a solid one,
 * each rule labelled in words (never colour alone). The SVG is hidden from assistive technology: the
 * caption's sentence and the table beside it say the same.
 */
export function ProgressChart({ goal }: { goal: GoalDetail }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node || goal.baseline === null || goal.target === null) return;
    const data = goal.measurements.map((m) => ({
      date: new Date(`${m.measuredOn}T00:00:00Z`),
      value: m.value,
    }));
    const start = goal.startsOn ? [new Date(`${goal.startsOn}T00:00:00Z`)] : [];
    const end = goal.deadline ? [new Date(`${goal.deadline}T00:00:00Z`)] : [];
    const xs = [...start, ...data.map((d) => d.date), ...end];
    const ys = [goal.baseline, goal.target, ...data.map((d) => d.value)];
    const rules = [
      { y: goal.baseline, label: t("goals.progress.baselineMark"), dash: "6 4" },
      { y: goal.target, label: t("goals.progress.targetMark"), dash: "none" },
    ];
    const chart = Plot.plot({
      width: Math.max(320, Math.min(node.clientWidth || 640, 720)),
      height: 300,
      marginRight: 72,
      marginBottom: 36,
      style: { fontSize: "14px", color: "currentColor", background: "transparent" },
      x: { type: "utc", label: null, domain: xs.length >= 2 ? [xs[0], xs.at(-1)] : undefined },
      // Room above and below the baseline, target and values, so no line sits on the axis.
      y: { label: t(`goals.units.${goal.unit ?? "count"}`), grid: true, nice: true, domain: padded(ys) },
      marks: [
        ...rules.map((r) =>
          Plot.ruleY([r.y], { stroke: "currentColor", strokeDasharray: r.dash, strokeWidth: 2 }),
        ),
        Plot.text(rules, {
          x: xs.at(-1) ?? new Date(),
          y: "y",
          text: "label",
          textAnchor: "start",
          dx: 6,
          fill: "currentColor",
        }),
        Plot.line(data, { x: "date", y: "value", stroke: "var(--color-primary)", strokeWidth: 2.5 }),
        Plot.dot(data, { x: "date", y: "value", fill: "var(--color-primary)", r: 4 }),
      ],
    });
    node.replaceChildren(chart);
    return () => chart.remove();
  }, [goal, t]);
  return <div ref={ref} className="goal-chart" aria-hidden="true" />;
}

function padded(values: number[]): [number, number] {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low || Math.abs(high) || 1) * 0.1;
  return [low - pad, high + pad];
}
