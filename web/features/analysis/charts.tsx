import * as Plot from "@observablehq/plot";
import { useCallback, useEffect, useRef } from "react";

/*
 * The analysis charts, drawn with Observable Plot and hidden from assistive technology: each sits in a
 * ChartFigure whose table says the same. Values are printed on the marks (never colour alone).
 */

export type Bar = { label: string; value: number | null; note: string };

/** Draws the chart into a div and redraws it when `draw` changes (wrap it in useCallback). */
function usePlot(draw: (width: number) => Element) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const chart = draw(Math.max(320, Math.min(node.clientWidth || 720, 880)));
    node.replaceChildren(chart);
    return () => chart.remove();
  }, [draw]);
  return ref;
}

const style = { fontSize: "14px", color: "currentColor", background: "transparent" };

/** Horizontal bars of percents (0–100), each labelled with its value or why it is hidden. */
export function PercentBars({ bars, axisLabel }: { bars: Bar[]; axisLabel: string }) {
  const draw = useCallback(
    (width: number) =>
      Plot.plot({
        width,
        height: Math.max(120, bars.length * 36 + 60),
        marginLeft: Math.min(280, 24 + Math.max(...bars.map((b) => b.label.length), 4) * 9),
        marginRight: 120,
        style,
        x: { domain: [0, 100], label: axisLabel, grid: true },
        y: { label: null, domain: bars.map((b) => b.label) },
        marks: [
          Plot.barX(
            bars.filter((b) => b.value !== null),
            { x: "value", y: "label", fill: "var(--color-primary)" },
          ),
          Plot.text(bars, {
            x: (b: Bar) => b.value ?? 0,
            y: "label",
            text: "note",
            textAnchor: "start",
            dx: 6,
            fill: "currentColor",
          }),
          Plot.ruleX([0]),
        ],
      }),
    [bars, axisLabel],
  );
  const ref = usePlot(draw);
  return <div ref={ref} className="analysis-chart" aria-hidden="true" />;
}

export type HeatCell = { row: string; column: string; value: number | null; note: string };

/** Bands of the heat map: light ones carry dark text, dark ones white text (each ≥ 4.5:1). */
const bands = ["#eef4fb", "#c9dcf0", "#9fc0e4", "#2f5f98", "#143a6b"];
const darkFrom = 60;

/** Standards × classes: a cell per pair, its percent printed in it; hidden groups grey with words. */
export function HeatMap(props: {
  cells: HeatCell[];
  rows: string[];
  columns: string[];
  legendLabel: string;
}) {
  const { cells, rows, columns, legendLabel } = props;
  const draw = useCallback(
    (width: number) => {
      const shown = cells.filter((c) => c.value !== null);
      const hidden = cells.filter((c) => c.value === null);
      return Plot.plot({
        width: Math.max(width, columns.length * 90 + 220),
        height: rows.length * 44 + 90,
        marginLeft: Math.min(280, 24 + Math.max(...rows.map((r) => r.length), 4) * 9),
        marginTop: 40,
        padding: 0.06,
        style,
        x: { domain: columns, label: null, axis: "top" },
        y: { domain: rows, label: null },
        color: {
          type: "threshold",
          domain: [20, 40, 60, 80],
          range: bands,
          legend: true,
          label: legendLabel,
          tickFormat: (d: number) => `${d}%`,
        },
        marks: [
          Plot.cell(shown, { x: "column", y: "row", fill: "value", stroke: "var(--color-border-strong)" }),
          Plot.cell(hidden, { x: "column", y: "row", fill: "#e4e1da", stroke: "var(--color-border-strong)" }),
          Plot.text(cells, {
            x: "column",
            y: "row",
            text: "note",
            fontWeight: 700,
            fill: (c: HeatCell) => (c.value !== null && c.value >= darkFrom ? "#ffffff" : "#1c1f23"),
          }),
        ],
      });
    },
    [cells, rows, columns, legendLabel],
  );
  const ref = usePlot(draw);
  return <div ref={ref} className="analysis-chart analysis-chart--heat" aria-hidden="true" />;
}
