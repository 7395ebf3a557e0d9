import { type ReactNode, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./button.tsx";
import { type CsvColumn, type CsvRow, downloadBlob, downloadCsv, fileNameOf } from "./csv.ts";
import "./chart-export.css";

/*
 * A chart as a figure every reader can use: a caption (its title and a sentence saying what it shows),
 * the chart (hidden from assistive technology by the caller: the table says the same), a "Show table"
 * toggle with the same numbers as an HTML table, and downloads of those numbers as CSV (formula cells
 * neutralised, see csv.ts) and of the chart as a PNG (its SVG drawn on a canvas).
 */

export type ChartFigureProps = {
  title: string;
  /** One or two sentences: what the chart shows and what stands out. */
  summary?: ReactNode;
  columns: CsvColumn[];
  rows: CsvRow[];
  /** The column whose cells name their row (`<th scope="row">`). */
  rowHeader?: string;
  /** How a cell is shown in the table (the CSV keeps the raw value). */
  renderCell?: (key: string, row: CsvRow) => ReactNode;
  defaultShowTable?: boolean;
  /** The chart itself; put aria-hidden="true" on it. */
  children: ReactNode;
};

export function ChartFigure(props: ChartFigureProps) {
  const { title, summary, columns, rows, rowHeader, renderCell, children } = props;
  const { t } = useTranslation();
  const [showTable, setShowTable] = useState(props.defaultShowTable ?? false);
  const [pngError, setPngError] = useState(false);
  const chartRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const named = (action: string) => t("chartExport.named", { action, title });

  const downloadPng = async () => {
    setPngError(false);
    const node = chartRef.current;
    const blob = node ? await chartToPng(node).catch(() => null) : null;
    if (blob) downloadBlob(fileNameOf(title, "png"), blob);
    else setPngError(true);
  };

  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`}>
      <figcaption className="chart-figure__caption">
        <span id={`${id}-title`} className="chart-figure__title">
          {title}
        </span>
        {summary ? <span className="chart-figure__summary">{summary}</span> : null}
      </figcaption>
      <div ref={chartRef} className="chart-figure__chart">
        {children}
      </div>
      <div className="cluster chart-figure__actions">
        <Button
          size="small"
          aria-expanded={showTable}
          aria-controls={`${id}-table`}
          accessibleName={named(showTable ? t("chartExport.hideTable") : t("chartExport.showTable"))}
          onPress={() => setShowTable((shown) => !shown)}
        >
          {showTable ? t("chartExport.hideTable") : t("chartExport.showTable")}
        </Button>
        <Button
          size="small"
          accessibleName={named(t("chartExport.downloadCsv"))}
          onPress={() => downloadCsv(fileNameOf(title, "csv"), columns, rows)}
        >
          {t("chartExport.downloadCsv")}
        </Button>
        <Button size="small" accessibleName={named(t("chartExport.downloadPng"))} onPress={downloadPng}>
          {t("chartExport.downloadPng")}
        </Button>
      </div>
      {pngError ? (
        <p role="alert" className="chart-figure__error">
          {t("chartExport.pngFailed")}
        </p>
      ) : null}
      <div id={`${id}-table`} className="table-wrap chart-figure__table" hidden={!showTable}>
        <table className="table">
          <caption>{t("chartExport.tableOf", { title })}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are the chart's data, shown in order
              <tr key={index}>
                {columns.map((c) => {
                  const content = renderCell ? renderCell(c.key, row) : String(row[c.key] ?? "");
                  return c.key === rowHeader ? (
                    <th key={c.key} scope="row">
                      {content}
                    </th>
                  ) : (
                    <td key={c.key}>{content}</td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Styles a stylesheet or CSS variable gives, copied onto the clone so the picture looks the same. */
const painted = ["fill", "stroke", "stroke-width", "stroke-dasharray", "opacity", "font-size", "font-family"];

/** Draws every SVG of the chart (Plot's legend and plot), one under the other, on a white canvas. */
export async function chartToPng(node: HTMLElement): Promise<Blob | null> {
  const svgs = [...node.querySelectorAll("svg")].filter((s) => s.getBoundingClientRect().width > 0);
  if (!svgs.length) return null;
  const boxes = svgs.map((s) => s.getBoundingClientRect());
  const width = Math.ceil(Math.max(...boxes.map((b) => b.width)));
  const height = Math.ceil(boxes.reduce((sum, b) => sum + b.height, 0));
  const scale = 2;
  const canvas = document.createElement("canvas");
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext("2d");
  if (!context) return null;
  context.scale(scale, scale);
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  let top = 0;
  for (const [index, svg] of svgs.entries()) {
    const box = boxes[index] as DOMRect;
    context.drawImage(await svgImage(svg, box), 0, top, box.width, box.height);
    top += box.height;
  }
  return new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
}

function svgImage(svg: SVGSVGElement, box: DOMRect): Promise<HTMLImageElement> {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll("*")];
  const copies = [clone, ...clone.querySelectorAll("*")];
  originals.forEach((original, i) => {
    const style = getComputedStyle(original);
    const copy = copies[i] as SVGElement;
    for (const name of painted) copy.style.setProperty(name, style.getPropertyValue(name));
  });
  // XMLSerializer writes the SVG namespace itself; setting xmlns again would make the XML invalid.
  clone.setAttribute("width", String(box.width));
  clone.setAttribute("height", String(box.height));
  // A data: URL, not a blob: one: the Content Security Policy allows images from 'self' and data: only.
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error("svg did not load"));
    image.src = url;
  });
}
