import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { MAX_HEAT_CLASSES } from "../../../shared/schemas/analysis.ts";
import { ChartFigure } from "../../ui/chart-export.tsx";
import type { CsvRow } from "../../ui/csv.ts";
import type { Analysis, GroupMastery } from "./api.ts";
import { HeatMap, PercentBars } from "./charts.tsx";

/*
 * The analysis figures: mastery by standard, the heat map of standards × classes, mastery by school or
 * teacher, and item analysis. Each is a ChartFigure (table alternative, CSV, PNG). A suppressed group
 * shows the words "fewer than N students — hidden" in its chart, table and CSV — never a number.
 */

type T = TFunction;

export const standardName = (t: T, standard: string) => standard || t("analysis.noStandard");
const pct = (t: T, value: number | null) =>
  value === null ? t("analysis.none") : t("analysis.percentValue", { percent: value });

/** A value as the table and CSV show it: its percent, or why there is none. */
function shown(t: T, a: Analysis, group: { suppressed: boolean }, value: number | null) {
  return group.suppressed ? t("analysis.hidden", { minimum: a.minimum }) : pct(t, value);
}

export function MasteryByStandard({ analysis: a }: { analysis: Analysis }) {
  const { t } = useTranslation();
  const { bars, rows } = useMemo(() => {
    const list = a.standards.filter((s) => s.students > 0);
    return {
      bars: list.map((s) => ({
        label: standardName(t, s.standard),
        value: s.percentMastered,
        note: s.suppressed ? t("analysis.hiddenShort") : pct(t, s.percentMastered),
      })),
      rows: list.map((s) => ({
        standard: standardName(t, s.standard),
        students: s.students,
        percentMastered: shown(t, a, s, s.percentMastered),
        meanPercent: shown(t, a, s, s.meanPercent),
      })),
    };
  }, [a, t]);
  return (
    <ChartFigure
      title={t("analysis.masteryTitle")}
      summary={t("analysis.masterySummary", { threshold: a.assessment.masteryPercent })}
      rowHeader="standard"
      columns={[
        { key: "standard", label: t("analysis.colStandard") },
        { key: "students", label: t("analysis.colStudents") },
        { key: "percentMastered", label: t("analysis.colPercentMastered") },
        { key: "meanPercent", label: t("analysis.colMeanPercent") },
      ]}
      rows={rows}
    >
      <PercentBars bars={bars} axisLabel={t("analysis.axisPercentMastered")} />
    </ChartFigure>
  );
}

export function StandardsHeatMap({ analysis: a }: { analysis: Analysis }) {
  const { t } = useTranslation();
  const standards = a.assessment.standards;
  const bySchool = a.heatmapBy === "school";
  const title = bySchool ? t("analysis.heatTitleSchool") : t("analysis.heatTitle");
  const { cells, rows, tableRows } = useMemo(() => {
    const groups = bySchool ? a.bySchool : a.byClass;
    const names = new Map(groups.map((c) => [c.id, c.name]));
    const cells = a.heatmap
      .filter((c) => c.students > 0)
      .map((c) => ({
        row: names.get(c.groupId) ?? "",
        column: standardName(t, c.standard),
        value: c.suppressed ? null : c.percentMastered,
        note: c.suppressed ? t("analysis.hiddenShort") : pct(t, c.percentMastered),
      }));
    const tableRows: CsvRow[] = groups.map((c) => {
      const row: CsvRow = { group: c.name, students: c.students };
      for (const s of c.standards)
        row[`s:${s.standard}`] = s.students ? shown(t, a, s, s.percentMastered) : t("analysis.none");
      return row;
    });
    return { cells, rows: groups.map((c) => c.name), tableRows };
  }, [a, t, bySchool]);
  if (!rows.length) return <p>{t("analysis.heatEmpty")}</p>;
  return (
    <>
      {bySchool ? <p>{t("analysis.heatBySchool", { count: MAX_HEAT_CLASSES })}</p> : null}
      <ChartFigure
        title={title}
        summary={t("analysis.heatSummary")}
        rowHeader="group"
        defaultShowTable
        columns={[
          { key: "group", label: bySchool ? t("analysis.colSchool") : t("analysis.colClass") },
          { key: "students", label: t("analysis.colStudents") },
          ...standards.map((s) => ({ key: `s:${s}`, label: standardName(t, s) })),
        ]}
        rows={tableRows}
      >
        <HeatMap
          cells={cells}
          rows={rows}
          columns={standards.map((s) => standardName(t, s))}
          legendLabel={t("analysis.heatLegend")}
        />
      </ChartFigure>
    </>
  );
}

export function MasteryByGroup(props: {
  analysis: Analysis;
  groups: GroupMastery[];
  kind: "school" | "teacher";
}) {
  const { analysis: a, groups, kind } = props;
  const { t } = useTranslation();
  const title = kind === "school" ? t("analysis.schoolTitle") : t("analysis.teacherTitle");
  const { bars, rows } = useMemo(
    () => ({
      bars: groups.map((g) => ({
        label: g.name,
        value: g.suppressed ? null : g.percentMastered,
        note: g.suppressed ? t("analysis.hiddenShort") : pct(t, g.percentMastered),
      })),
      rows: groups.map((g) => ({
        name: g.name,
        students: g.students,
        percentMastered: shown(t, a, g, g.percentMastered),
      })),
    }),
    [a, groups, t],
  );
  if (!groups.length) return null;
  return (
    <ChartFigure
      title={title}
      summary={t("analysis.groupSummary")}
      rowHeader="name"
      columns={[
        { key: "name", label: kind === "school" ? t("analysis.colSchool") : t("analysis.colTeacher") },
        { key: "students", label: t("analysis.colStudents") },
        { key: "percentMastered", label: t("analysis.colPercentMastered") },
      ]}
      rows={rows}
    >
      <PercentBars bars={bars} axisLabel={t("analysis.axisPercentMastered")} />
    </ChartFigure>
  );
}

export function ItemAnalysisFigure({ analysis: a }: { analysis: Analysis }) {
  const { t } = useTranslation();
  const { bars, rows } = useMemo(() => {
    const answer = (text: string) => text || t("analysis.blank");
    return {
      bars: a.items.map((i) => ({ label: i.label, value: i.percentCorrect, note: pct(t, i.percentCorrect) })),
      rows: a.items.map((i) => ({
        item: i.label,
        standard: standardName(t, i.standard),
        kind: i.kind === "choice" ? i.answerKey : `${i.maxPoints}`,
        percentCorrect: a.suppressed
          ? t("analysis.hidden", { minimum: a.minimum })
          : pct(t, i.percentCorrect),
        distribution: i.distribution.map((d) => `${answer(d.answer)}: ${d.count}`).join(" · "),
        wrong: i.mostCommonWrong ?? t("analysis.none"),
      })),
    };
  }, [a, t]);
  return (
    <ChartFigure
      title={t("analysis.itemTitle")}
      summary={t("analysis.itemSummary")}
      rowHeader="item"
      columns={[
        { key: "item", label: t("analysis.colItem") },
        { key: "standard", label: t("analysis.colStandard") },
        { key: "kind", label: t("analysis.colKey") },
        { key: "percentCorrect", label: t("analysis.colPercentCorrect") },
        { key: "distribution", label: t("analysis.colDistribution") },
        { key: "wrong", label: t("analysis.colWrong") },
      ]}
      rows={rows}
    >
      <PercentBars bars={bars} axisLabel={t("analysis.axisPercentCorrect")} />
    </ChartFigure>
  );
}
