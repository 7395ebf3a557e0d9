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
      <TrendChart trend={trend} elements={elements} />
    </ChartFigure>
  );
}

function TrendChart({
  trend,
  elements,
}: {
  trend: RatingsTrendPoint[];
  elements: { key: string; title: string }[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const data = trend.flatMap((p, i) =>
      elements.flatMap((e) => {
        const rating = p.ratings[e.key];
        return rating == null ? [] : [{ x: i, term: p.title, element: e.title, rating }];
      }),
    );
    const last = elements.flatMap((e) => {
      const points = data.filter((d) => d.element === e.title);
      return points.length ? [points[points.length - 1]] : [];
    });
    const chart = Plot.plot({
      width: Math.max(320, Math.min(node.clientWidth || 640, 720)),
      height: 260,
      marginRight: 8,
      marginBottom: 40,
      style: { fontSize: "14px", color: "currentColor", background: "transparent" },
      x: {
        label: null,
        ticks: trend.map((_, i) => i),
        tickFormat: (i: number) => trend[i]?.title ?? "",
        domain: [-0.3, Math.max(trend.length - 1, 0) + 0.3],
      },
      y: { label: null, domain: [0.5, 4.5], ticks: [1, 2, 3, 4], grid: true },
      symbol: { legend: true },
      marks: [
        Plot.line(data, { x: "x", y: "rating", z: "element", stroke: "currentColor", strokeOpacity: 0.6 }),
        Plot.dot(data, {
          x: "x",
          y: "rating",
          symbol: "element",
          stroke: "var(--color-primary)",
          r: 5,
          strokeWidth: 2,
        }),
        Plot.text(last, { x: "x", y: "rating", text: "element", dy: -12, fill: "currentColor" }),
      ],
    });
    node.replaceChildren(chart);
    return () => chart.remove();
  }, [trend, elements]);
  return <div ref={ref} className="team-reflection-chart" aria-hidden="true" />;
}
