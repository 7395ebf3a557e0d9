import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { ImportReport } from "../../../shared/schemas/assessments.ts";
import { Button } from "../../ui/button.tsx";
import { Section } from "../../ui/page.tsx";
import { Notice } from "../../ui/states.tsx";
import type { ImportMode } from "./api.ts";

type Props = {
  assessmentId: string;
  report: ImportReport;
  mode: ImportMode;
  /** Set when all-or-nothing refused a file whose rows can be imported one by one. */
  onRetryGoodRows: (() => void) | null;
  retrying: boolean;
  onAnotherFile: () => void;
};

/** What an import did: rows read and imported, and every problem by line, in words. */
export function ImportReportView({
  assessmentId,
  report,
  mode,
  onRetryGoodRows,
  retrying,
  onAnotherFile,
}: Props) {
  const { t } = useTranslation();
  const total = report.problems.length + report.moreProblems;
  // One problem per line and message: an unknown student is reported for each of the row's items.
  const shown = report.problems.filter(
    (p, n, all) => n === 0 || all.findIndex((q) => q.line === p.line && q.message === p.message) === n,
  );
  const lines = new Set(report.problems.map((p) => p.line)).size;
  // A cell like =HYPERLINK(…) is what formula injection looks like: say it is kept as text, never run.
  const formula = report.problems.some((p) => /“[=+\-@]/.test(p.message));
  const fatal = report.problems.some((p) => p.field === "file");
  const summary =
    report.status === "completed"
      ? total > 0
        ? t("assessments.report.partly", { imported: report.rowsImported, count: lines })
        : t("assessments.report.done", { count: report.rowsImported })
      : fatal
        ? t("assessments.report.unreadable")
        : mode === "all_or_nothing"
          ? t("assessments.report.refused", { count: lines })
          : t("assessments.report.nothing");
  return (
    <Section title={t("assessments.report.title")} id="report">
      <Notice tone={report.status === "completed" && total === 0 ? "success" : "warning"} role="status">
        <p>{summary}</p>
      </Notice>
      {formula ? (
        <Notice tone="warning">
          <p>{t("assessments.report.formula")}</p>
        </Notice>
      ) : null}
      <table className="table">
        <caption>{t("assessments.report.countsCaption")}</caption>
        <tbody>
          <tr>
            <th scope="row">{t("assessments.report.rowsRead")}</th>
            <td>{report.rowsRead}</td>
          </tr>
          <tr>
            <th scope="row">{t("assessments.report.resultsImported")}</th>
            <td>{report.rowsImported}</td>
          </tr>
          <tr>
            <th scope="row">{t("assessments.report.problemCount")}</th>
            <td>{total}</td>
          </tr>
        </tbody>
      </table>
      {report.problems.length > 0 ? (
        <>
          <h3>{t("assessments.report.problemsTitle", { count: total })}</h3>
          {report.moreProblems > 0 ? (
            <p>{t("assessments.report.more", { shown: report.problems.length, count: total })}</p>
          ) : null}
          <div className="table-wrap">
            <table className="table">
              <caption>{t("assessments.report.problemsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("assessments.report.line")}</th>
                  <th scope="col">{t("assessments.report.column")}</th>
                  <th scope="col">{t("assessments.report.problem")}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={`${p.line}-${p.field}-${p.message}`}>
                    <td>{p.line || t("assessments.report.wholeFile")}</td>
                    <td>
                      {p.field === "file"
                        ? t("assessments.report.wholeFile")
                        : p.field === "student"
                          ? t("assessments.report.studentColumn")
                          : p.field}
                    </td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <div className="form__actions">
        {onRetryGoodRows ? (
          <Button variant="primary" onPress={onRetryGoodRows} isPending={retrying}>
            {t("assessments.report.retryGood")}
          </Button>
        ) : null}
        <Button onPress={onAnotherFile}>{t("assessments.import.otherFile")}</Button>
        <Link to="/assessments/$assessmentId" params={{ assessmentId }}>
          {t("assessments.report.back")}
        </Link>
      </div>
    </Section>
  );
}
