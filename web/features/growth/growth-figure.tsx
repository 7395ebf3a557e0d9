import * as Plot from "@observablehq/plot";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ChartFigure } from "../../ui/chart-export.tsx";
import type { Growth, GrowthRow } from "./api.ts";

/*
 * Growth as a figure: percent of students at mastery before and after, overall and by class, drawn with
 * Observable Plot (hidden from assistive technology) beside the same numbers as a table, CSV and PNG
 * (ui/chart-export.tsx). Suppressed groups say so in words, never as an empty bar.
 */

type Datum = { label: string; phase: string; value: number; text: string };

function GrowthChart({ rows, before, after }: { rows: GrowthRow[]; before: string; after: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { t } = useTranslation();
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const data: Datum[] = rows.flatMap((r) =>
      r.suppressed
        ? [{ label: r.label, phase: before, value: 0, text: t("growth.suppressedShort") }]
        : [
            {
              label: r.label,
              phase: before,
              value: r.before.percentMastered ?? 0,
              text: `${r.before.percentMastered}%`,
            },
            {
              label: r.label,
              phase: after,
              value: r.after.percentMastered ?? 0,
              text: `${r.after.percentMastered}%`,
            },
          ],
    );
    // Short phase names on the bars' axis (hidden: the legend names the assessments); groups on the left.
    const longest = Math.max(4, ...rows.map((r) => r.label.length));
    const chart = Plot.plot({
      width: Math.max(320, Math.min(node.clientWidth || 720, 880)),
      marginLeft: Math.min(260, 16 + longest * 8),
      marginRight: 90,
      style: { fontSize: "14px", color: "currentColor", background: "transparent" },
      x: { domain: [0, 100], label: t("growth.axis"), grid: true },
      y: { label: null, domain: [before, after], axis: null },
      fy: { label: null, domain: rows.map((r) => r.label), axis: "left" },
      color: { domain: [before, after], range: ["#6b7280", "var(--color-primary)"], legend: true },
      marks: [
        Plot.barX(data, { x: "value", y: "phase", fy: "label", fill: "phase" }),
        Plot.text(data, {
          x: "value",
          y: "phase",
          fy: "label",
          text: "text",
          textAnchor: "start",
          dx: 6,
          fill: "currentColor",
        }),
        Plot.ruleX([0]),
      ],
    });
    node.replaceChildren(chart);
    return () => chart.remove();
  }, [rows, before, after, t]);
  return <div ref={ref} className="growth-chart" aria-hidden="true" />;
}

const signed = (n: number | null) => (n === null ? "" : n > 0 ? `+${n}` : String(n));

export function GrowthFigure({ growth: g }: { growth: Growth }) {
  const { t } = useTranslation();
  const rows = [g.overall, ...g.classes];
  const standard = g.standard || t("growth.everyStandard");
  const columns = [
    { key: "group", label: t("growth.colGroup") },
    { key: "students", label: t("growth.colStudents") },
    { key: "beforeMastered", label: t("growth.colBeforeMastered") },
    { key: "afterMastered", label: t("growth.colAfterMastered") },
    { key: "changeMastered", label: t("growth.colChangeMastered") },
    { key: "beforeAverage", label: t("growth.colBeforeAverage") },
    { key: "afterAverage", label: t("growth.colAfterAverage") },
    { key: "changeAverage", label: t("growth.colChangeAverage") },
  ];
  const tableRows = rows.map((r) =>
    r.suppressed
      ? { group: r.label, students: t("growth.suppressed", { minimum: g.minimum }) }
      : {
          group: r.label,
          students: r.students,
          beforeMastered: r.before.percentMastered,
          afterMastered: r.after.percentMastered,
          changeMastered: signed(r.change.percentMastered),
          beforeAverage: r.before.averagePercent,
          afterAverage: r.after.averagePercent,
          changeAverage: signed(r.change.averagePercent),
        },
  );
  const o = g.overall;
  return (
    <ChartFigure
      title={t("growth.figureTitle", { standard })}
      summary={
        o.suppressed
          ? t("growth.suppressed", { minimum: g.minimum })
          : t("growth.summary", {
              count: o.students ?? 0,
              before: o.before.percentMastered,
              after: o.after.percentMastered,
              change: signed(o.change.percentMastered),
            })
      }
      columns={columns}
      rows={tableRows}
      rowHeader="group"
    >
      <GrowthChart
        rows={rows}
        before={t("growth.before", { title: g.before.title })}
        after={t("growth.after", { title: g.after.title })}
      />
    </ChartFigure>
  );
}
