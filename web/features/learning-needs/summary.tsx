import * as Plot from "@observablehq/plot";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ChartFigure } from "../../ui/chart-export.tsx";
import type { Survey } from "./api.ts";

/*
 * What the team wants to learn, as counts per standard and practice: a bar chart (hidden from assistive
 * technology) with the same numbers as a table, CSV and PNG. Never who chose what. Exported for the
 * analysis page, to sit next to the student data.
 */

type Bar = { label: string; count: number };

function CountBars({ bars, axis }: { bars: Bar[]; axis: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const max = Math.max(1, ...bars.map((b) => b.count));
    const chart = Plot.plot({
      width: Math.max(320, Math.min(node.clientWidth || 720, 880)),
      height: Math.max(120, bars.length * 34 + 50),
      marginLeft: Math.min(260, 12 + Math.max(4, ...bars.map((b) => b.label.length)) * 8),
      marginRight: 40,
      style: { fontSize: "14px", color: "currentColor", background: "transparent" },
      // Whole educators only: one tick per count up to ten.
      x: {
        domain: [0, max],
        label: axis,
        grid: true,
        tickFormat: "d",
        ...(max <= 10 ? { ticks: Array.from({ length: max + 1 }, (_, i) => i) } : {}),
      },
      y: { label: null, domain: bars.map((b) => b.label) },
      marks: [
        Plot.barX(bars, { x: "count", y: "label", fill: "var(--color-primary)" }),
        Plot.text(bars, {
          x: "count",
          y: "label",
          text: (b: Bar) => String(b.count),
          textAnchor: "start",
          dx: 6,
          fill: "currentColor",
        }),
        Plot.ruleX([0]),
      ],
    });
    node.replaceChildren(chart);
    return () => chart.remove();
  }, [bars, axis]);
  return <div ref={ref} className="learning-needs-chart" aria-hidden="true" />;
}

export function LearningNeedsSummary({ survey: s }: { survey: Survey }) {
  const { t } = useTranslation();
  const kind = { standard: t("learningNeeds.kindStandard"), practice: t("learningNeeds.kindPractice") };
  const rows = [
    ...s.standardCounts.map((c) => ({ choice: c.choice, kind: kind.standard, count: c.count })),
    ...s.practiceCounts.map((c) => ({ choice: c.choice, kind: kind.practice, count: c.count })),
  ];
  const top = [...rows].sort((a, b) => b.count - a.count)[0];
  return (
    <ChartFigure
      title={t("learningNeeds.figureTitle", { title: s.title })}
      summary={
        s.responded === 0
          ? t("learningNeeds.noAnswers", { asked: s.asked })
          : t("learningNeeds.figureSummary", {
              responded: s.responded,
              asked: s.asked,
              top: top?.choice ?? "",
              count: top?.count ?? 0,
            })
      }
      columns={[
        { key: "choice", label: t("learningNeeds.colChoice") },
        { key: "kind", label: t("learningNeeds.colKind") },
        { key: "count", label: t("learningNeeds.colCount") },
      ]}
      rows={rows}
      rowHeader="choice"
    >
      <CountBars
        bars={rows.map((r) => ({ label: r.choice, count: r.count }))}
        axis={t("learningNeeds.axis")}
      />
    </ChartFigure>
  );
}
