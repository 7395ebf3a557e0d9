import { useTranslation } from "react-i18next";
import type { Goal } from "./api.ts";
import { useCalendarDate, useValueFormat } from "./labels.tsx";

/** One sentence of progress: latest value, baseline and target, how far along (the chart's text summary too). */
export function useProgressText() {
  const { t } = useTranslation();
  const value = useValueFormat();
  const date = useCalendarDate();
  return (goal: Pick<Goal, "baseline" | "target" | "unit" | "progress">) => {
    if (goal.unit === null) return null;
    const { latest, fraction, met } = goal.progress;
    const base = { baseline: value(goal.baseline, goal.unit), target: value(goal.target, goal.unit) };
    if (!latest) return t("goals.progressNone", base);
    const parts = [
      t("goals.progressLine", {
        ...base,
        latest: value(latest.value, goal.unit),
        date: date(latest.measuredOn),
      }),
    ];
    if (met) parts.push(t("goals.progressMet"));
    else if (fraction !== null)
      parts.push(t("goals.progressPercent", { percent: Math.round(fraction * 100) }));
    return parts.join(" ");
  };
}

export function ProgressLine({ goal }: { goal: Pick<Goal, "baseline" | "target" | "unit" | "progress"> }) {
  const text = useProgressText()(goal);
  return text ? <p className="goal-progress-line">{text}</p> : null;
}
