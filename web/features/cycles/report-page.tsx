import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { DateTime } from "../../ui/format.tsx";
import { Page } from "../../ui/page.tsx";
import { QueryView } from "../../ui/states.tsx";
import { type Cycle, cycleQuery, reportCsvUrl } from "./api.ts";
import { DecisionNotes, ResultSummary } from "./stage-extras.tsx";
import { StageReadOnly } from "./stage-form.tsx";
import "./cycles.css";

/** The printable story of a cycle, from the need found to the decision, with its evidence. */
export function CycleReportPage({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const query = useQuery(cycleQuery(cycleId));
  const cycle = query.data;
  return (
    <Page
      title={cycle ? t("cycles.report.title", { title: cycle.title }) : t("cycles.page.loadingTitle")}
      eyebrow={cycle ? cycle.communityName : null}
      actions={
        cycle ? (
          <span className="cluster no-print">
            <Button variant="primary" onPress={() => window.print()}>
              {t("cycles.report.print")}
            </Button>
            <a href={reportCsvUrl(cycle.id)} download>
              {t("cycles.report.csv")}
            </a>
            <Link to="/cycles/$cycleId" params={{ cycleId: cycle.id }}>
              {t("cycles.report.back")}
            </Link>
          </span>
        ) : null
      }
    >
      <QueryView query={query} loadingLabel={t("cycles.page.loading")}>
        {(data) => <ReportBody cycle={data} />}
      </QueryView>
    </Page>
  );
}

function ReportBody({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  return (
    <div className="cycle-report">
      <p>
        <strong>{t(`cycles.status.${cycle.status}`)}</strong>
        {cycle.decision
          ? ` · ${t("cycles.decide.decided", { decision: t(`cycles.decision.${cycle.decision}`) })}`
          : ""}
      </p>
      {cycle.status === "stopped" ? (
        <p className="pre-line">{t("cycles.page.stoppedBecause", { reason: cycle.decisionNote })}</p>
      ) : null}
      <ResultSummary cycle={cycle} />
      <h2>{t("cycles.report.story")}</h2>
      <ol className="cycle-report__stages">
        {cycle.stages.map((s) => (
          <li key={s.stage}>
            <h3>{t("cycles.stage.heading", { stage: s.stage, name: t(`cycles.stages.${s.key}`) })}</h3>
            {s.enteredAt ? (
              <p className="muted">
                {t("cycles.timeline.entered")} <DateTime iso={s.enteredAt} dateOnly />
                {s.completedAt ? (
                  <>
                    {" · "}
                    {t("cycles.timeline.completed")} <DateTime iso={s.completedAt} dateOnly />
                  </>
                ) : null}
              </p>
            ) : null}
            {s.key === "set_goal" && cycle.goal ? (
              <p>
                {t("cycles.goal.current")}
                {cycle.goal.title}
              </p>
            ) : null}
            <StageReadOnly record={s} communityId={cycle.communityId} />
            {s.key === "decide" && cycle.decision ? (
              <dl className="cycle-fields">
                <div>
                  <dt>{t("cycles.decide.label")}</dt>
                  <dd>{t(`cycles.decision.${cycle.decision}`)}</dd>
                </div>
                <DecisionNotes cycle={cycle} />
              </dl>
            ) : null}
            {s.evidence.length > 0 ? (
              <>
                <h4>{t("cycles.report.evidence")}</h4>
                <ul>
                  {s.evidence.map((e) => (
                    <li key={e.id}>
                      {t(`cycles.evidence.kinds.${e.kind}`)}: {e.title}
                      {e.url ? ` (${e.url})` : ""}
                      {e.note ? ` — ${e.note}` : ""}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
