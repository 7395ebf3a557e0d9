import * as Plot from "@observablehq/plot";
import { useCallback, useEffect, useRef } from "react";

/*
 * The results charts, drawn with Observable Plot and hidden from assistive technology: each sits in a
 * ChartFigure whose table says the same. Every bar carries its value and its reading in words (never
 * colour alone); growth areas are also drawn hatched.
 */

export type AttributeBar = {
  label: string;
  mean: number | null;
  sd: number | null;
  growth: boolean;
  note: string;
};

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
const clamp = (v: number, top: number) => Math.min(top, Math.max(1, v));

/** Each attribute's mean on the 1…top scale, a whisker of ±1 SD, and the agreement line. */
export function AttributeChart(props: {
  bars: AttributeBar[];
  top: number;
  threshold: number;
  axisLabel: string;
  lineLabel: string;
}) {
  const { bars, top, threshold, axisLabel, lineLabel } = props;
  const draw = useCallback(
    (width: number) => {
      const rated = bars.filter((b) => b.mean !== null) as (AttributeBar & { mean: number })[];
      const narrow = width < 560;
      return Plot.plot({
        width,
        height: Math.max(140, bars.length * (narrow ? 64 : 44) + 70),
        marginLeft: narrow ? 12 : Math.min(300, 24 + Math.max(...bars.map((b) => b.label.length), 4) * 8),
        marginRight: narrow ? 12 : 220,
        marginTop: 30,
        style,
        x: { domain: [1, top], label: axisLabel, grid: true, ticks: top },
        y: { label: null, domain: bars.map((b) => b.label), axis: narrow ? null : "left", padding: 0.35 },
        marks: [
          Plot.barX(
            rated.filter((b) => !b.growth),
            { x1: 1, x2: "mean", y: "label", fill: "var(--color-primary)" },
          ),
          // Growth areas: a light fill with a dashed outline, so they differ by more than colour.
          Plot.barX(
            rated.filter((b) => b.growth),
            {
              x1: 1,
              x2: "mean",
              y: "label",
              fill: "var(--color-warning-soft, #fdf0d5)",
              stroke: "var(--color-warning, #8a5a00)",
              strokeWidth: 2,
              strokeDasharray: "5 3",
            },
          ),
          Plot.ruleY(
            rated.filter((b) => b.sd !== null),
            {
              y: "label",
              x1: (b: AttributeBar & { mean: number }) => clamp(b.mean - (b.sd ?? 0), top),
              x2: (b: AttributeBar & { mean: number }) => clamp(b.mean + (b.sd ?? 0), top),
              stroke: "currentColor",
              strokeWidth: 2,
            },
          ),
          Plot.tickX(
            rated.filter((b) => b.sd !== null),
            {
              y: "label",
              x: (b: AttributeBar & { mean: number }) => clamp(b.mean - (b.sd ?? 0), top),
              stroke: "currentColor",
            },
          ),
          Plot.tickX(
            rated.filter((b) => b.sd !== null),
            {
              y: "label",
              x: (b: AttributeBar & { mean: number }) => clamp(b.mean + (b.sd ?? 0), top),
              stroke: "currentColor",
            },
          ),
          Plot.ruleX([threshold], { stroke: "currentColor", strokeDasharray: "6 4", strokeWidth: 1.5 }),
          Plot.text([threshold], {
            x: (d: number) => d,
            frameAnchor: "top",
            dy: -18,
            text: () => lineLabel,
            fill: "currentColor",
          }),
          Plot.text(bars, {
            x: narrow ? 1 : top,
            y: "label",
            text: (b: AttributeBar) => (narrow ? `${b.label}: ${b.note}` : b.note),
            textAnchor: "start",
            dx: narrow ? 0 : 8,
            dy: narrow ? -20 : 0,
            fill: "currentColor",
          }),
        ],
      });
    },
    [bars, top, threshold, axisLabel, lineLabel],
  );
  const ref = usePlot(draw);
  return <div ref={ref} className="survey-results-chart" aria-hidden="true" />;
}

export type TrendPoint = { administration: string; attribute: string; mean: number };

/**
 * One line per attribute across administrations, a distinct symbol each, named in the legend (labels at the
 * lines' ends overlapped when attributes were close); long administration titles wrap under their tick.
 */
export function TrendChart(props: { points: TrendPoint[]; order: string[]; top: number; axisLabel: string }) {
  const { points, order, top, axisLabel } = props;
  const draw = useCallback(
    (width: number) => {
      return Plot.plot({
        width,
        height: 320,
        marginLeft: 48,
        marginRight: 48,
        marginBottom: 64,
        style,
        x: { domain: order, label: null, type: "point", padding: 0.3 },
        y: { domain: [1, top], label: axisLabel, grid: true, ticks: top },
        symbol: { legend: true },
        marks: [
          Plot.ruleY([3], { strokeDasharray: "6 4", stroke: "currentColor" }),
          Plot.line(points, {
            x: "administration",
            y: "mean",
            z: "attribute",
            stroke: "currentColor",
            strokeOpacity: 0.6,
          }),
          Plot.dot(points, {
            x: "administration",
            y: "mean",
            symbol: "attribute",
            stroke: "currentColor",
            r: 5,
          }),
          Plot.axisX({ lineWidth: width < 560 ? 10 : 18, label: null }),
        ],
      });
    },
    [points, order, top, axisLabel],
  );
  const ref = usePlot(draw);
  return <div ref={ref} className="survey-results-chart" aria-hidden="true" />;
}
