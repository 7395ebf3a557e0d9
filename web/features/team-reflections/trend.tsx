import * as Plot from "@observablehq/plot";
import { useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { standardElements } from "../../../shared/reflection/standard.ts";
import { localized } from "../../../shared/surveys/definition.ts";
import { ChartFigure } from "../../ui/chart-export.tsx";
import type { RatingsTrendPoint } from "./api.ts";

/**
 * The standard's ratings, reflection by reflection: one line per element on the 1–4 scale, each marked by
 * its own symbol and named at its end (never colour alone). The table beside says the same.
 */
export function RatingsTrend({ trend }: { trend: RatingsTrendPoint[] }) {
  const { t, i18n } = useTranslation();
  const elements = useMemo(
    () => standardElements.map((e) => ({ key: e.key, title: localized(e.title, i18n.language) })),
    [i18n.language],
  );
  const levels = useMemo(
    () => (standardElements[0]?.levels ?? []).map((l) => localized(l.label, i18n.language)),
    [i18n.language],
  );
  const levelOf = (value: number | null) => {
    const level = standardElements[0]?.levels.find((l) => l.value === value);
    return level
      ? t("teamReflections.ratingValue", { value: level.value, label: localized(level.label, i18n.language) })
      : t("teamReflections.notRated");
  };
  const rated = trend.some((p) => Object.values(p.ratings).some((r) => r !== null));
  if (!rated) return <p className="muted">{t("teamReflections.trendEmpty")}</p>;
  const columns = [
    { key: "title", label: t("teamReflections.trendTerm") },
    ...elements.map((e) => ({ key: e.key, label: e.title })),
  ];
  const rows = trend.map((p) => ({
    title: p.title,
    ...Object.fromEntries(elements.map((e) => [e.key, p.ratings[e.key] ?? ""])),
  }));
  return (
    <ChartFigure
      title={t("teamReflections.trendTitle")}
      summary={t("teamReflections.trendSummary", { count: trend.length })}
      columns={columns}
      rows={rows}
      rowHeader="title"
      renderCell={(key, row) =>
        key === "title" ? String(row[key]) : levelOf(row[key] === "" ? null : Number(row[key]))
      }
      defaultShowTable={trend.length === 1}
    >
      <TrendChart trend={trend} elements={elements} levels={levels} />
    </ChartFigure>
  );
}

// One symbol per element, drawn in the chart and repeated in the legend beside it (shape, not colour).
const symbols = [
  { plot: "circle", glyph: "●" },
  { plot: "square", glyph: "■" },
  { plot: "triangle", glyph: "▲" },
] as const;

function TrendChart({
  trend,
  elements,
  levels,
}: {
  trend: RatingsTrendPoint[];
  elements: { key: string; title: string }[];
  levels: string[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    // Each element a little apart from the others, so equal ratings stay visible side by side.
    const data = trend.flatMap((p, i) =>
      elements.flatMap((e, j) => {
        const rating = p.ratings[e.key];
        return rating == null ? [] : [{ x: i + (j - 1) * 0.12, element: e.title, rating }];
      }),
    );
    const chart = Plot.plot({
      width: Math.max(320, Math.min(node.clientWidth || 640, 720)),
      height: 240,
      marginLeft: 100,
      marginRight: 16,
      marginBottom: 40,
      style: { fontSize: "14px", color: "currentColor", background: "transparent" },
      x: {
        label: null,
        ticks: trend.map((_, i) => i),
        tickFormat: (i: number) => trend[i]?.title ?? "",
        domain: [-0.5, Math.max(trend.length - 1, 0) + 0.5],
      },
      y: {
        label: null,
        domain: [0.5, 4.5],
        ticks: [1, 2, 3, 4],
        tickFormat: (v: number) => levels[v - 1] ?? "",
        grid: true,
      },
      symbol: { domain: elements.map((e) => e.title), range: symbols.map((s) => s.plot) },
      marks: [
        Plot.line(data, { x: "x", y: "rating", z: "element", stroke: "currentColor", strokeOpacity: 0.5 }),
        Plot.dot(data, { x: "x", y: "rating", symbol: "element", fill: "var(--color-primary)", r: 6 }),
      ],
    });
    node.replaceChildren(chart);
    return () => chart.remove();
  }, [trend, elements, levels]);
  return (
    <div aria-hidden="true">
      <ul className="team-reflection-legend">
        {elements.map((e, j) => (
          <li key={e.key}>
            <span className="team-reflection-legend__symbol">{symbols[j]?.glyph}</span> {e.title}
          </li>
        ))}
      </ul>
      <div ref={ref} className="team-reflection-chart" />
    </div>
  );
}
