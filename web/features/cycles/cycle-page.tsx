import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Page, Section } from "../../ui/page.tsx";
import { Badge, EmptyState, ErrorState, Loading, Notice } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { ReflectOn } from "../team-reflections/index.ts";
import { type Cycle, cycleQuery, moveStage, rememberCycle } from "./api.ts";
import { EvidenceList } from "./evidence.tsx";
import { DecisionPanel, GoalPicker, ResultSummary } from "./stage-extras.tsx";
import { StageForm, StageReadOnly } from "./stage-form.tsx";
import { StopCycleButton } from "./stop-cycle.tsx";
import { CycleTimeline } from "./timeline.tsx";
import "./cycles.css";

const tone = { active: "info", completed: "success", stopped: "neutral" } as const;

/** A cycle of inquiry: the timeline of its seven stages and the work of the stage shown. */
export function CyclePage({ cycleId, stage }: { cycleId: string; stage?: number | undefined }) {
  const { t } = useTranslation();
  const query = useQuery(cycleQuery(cycleId));
  const cycle = query.data;
  return (
    <Page
      title={cycle?.title ?? (query.isError ? t("cycles.page.errorTitle") : t("cycles.page.loadingTitle"))}
      eyebrow={
        cycle ? (
          <span className="cluster">
            <span>
              {t("cycles.page.community")}
              <Link to="/communities/$communityId" params={{ communityId: cycle.communityId }}>
                {cycle.communityName}
              </Link>
            </span>
            <Badge tone={tone[cycle.status]}>{t(`cycles.status.${cycle.status}`)}</Badge>
          </span>
        ) : null
      }
      actions={
        cycle ? (
          <span className="cluster">
            <Link to="/cycles/$cycleId/report" params={{ cycleId: cycle.id }}>
              {t("cycles.page.report")}
            </Link>
            <ReflectOn communityId={cycle.communityId} subject={{ kind: "cycle", cycleId: cycle.id }} />
            {cycle.can.edit ? <StopCycleButton cycle={cycle} /> : null}
          </span>
        ) : null
      }
    >
      {cycle ? (
        <CycleView cycle={cycle} shown={stage && stage <= cycle.stage ? stage : cycle.stage} />
      ) : query.isError && isApiError(query.error) && query.error.status === 404 ? (
        <EmptyState title={t("cycles.page.notFoundTitle")}>
          <p>{t("cycles.page.notFoundBody")}</p>
        </EmptyState>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Loading label={t("cycles.page.loading")} />
      )}
    </Page>
  );
}

function CycleView({ cycle, shown }: { cycle: Cycle; shown: number }) {
  const { t } = useTranslation();
  return (
    <>
      {cycle.status === "stopped" ? (
        <Notice tone="warning" role="status">
          <p className="pre-line">{t("cycles.page.stoppedBecause", { reason: cycle.decisionNote })}</p>
        </Notice>
      ) : cycle.status !== "active" ? (
        <Notice role="status">
          <p>{t("cycles.page.finished")}</p>
        </Notice>
      ) : !cycle.can.contribute ? (
        <Notice role="status">
          <p>{t("cycles.page.readOnly")}</p>
        </Notice>
      ) : null}
      {cycle.previousCycle ? (
        <p>
          {t("cycles.page.continues")}
          <Link to="/cycles/$cycleId" params={{ cycleId: cycle.previousCycle.id }}>
            {cycle.previousCycle.title}
          </Link>
        </p>
      ) : null}
      {cycle.nextCycle ? (
        <p>
          {t("cycles.page.continuedBy")}
          <Link to="/cycles/$cycleId" params={{ cycleId: cycle.nextCycle.id }}>
            {cycle.nextCycle.title}
          </Link>
        </p>
      ) : null}
      <div className="cycle-layout">
        <CycleTimeline cycle={cycle} shown={shown} />
        <StagePanel key={`${cycle.id}-${shown}`} cycle={cycle} stage={shown} />
      </div>
    </>
  );
}

function StagePanel({ cycle, stage }: { cycle: Cycle; stage: number }) {
  const { t } = useTranslation();
  const record = cycle.stages[stage - 1];
  if (!record) return null;
  const name = t(`cycles.stages.${record.key}`);
  const editable = cycle.can.contribute && stage <= cycle.stage;
  return (
    <Section title={t("cycles.stage.heading", { stage, name })} id="cycle-stage">
      <p className="muted">{t(`cycles.stageHelp.${record.key}`)}</p>
      {record.key === "set_goal" ? <GoalPicker key={cycle.goal?.id ?? "none"} cycle={cycle} /> : null}
      {record.key === "evaluate_results" ? <ResultSummary cycle={cycle} /> : null}
      {record.key === "decide" ? <DecisionPanel cycle={cycle} /> : null}
      {editable ? (
        <StageForm key={`${record.notes}|${JSON.stringify(record.details)}`} cycle={cycle} record={record} />
      ) : (
        <StageReadOnly record={record} communityId={cycle.communityId} />
      )}
      <EvidenceList cycle={cycle} stage={stage} canAdd={editable} />
      {cycle.can.advance && stage === cycle.stage ? <MoveControls cycle={cycle} /> : null}
    </Section>
  );
}

/** "Next stage" / "Back one stage"; a refusal names what the stage still needs. */
function MoveControls({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const move = useMutation({
    mutationFn: (to: number) => moveStage(cycle.id, to, cycle.version),
    onSuccess: (saved) => {
      rememberCycle(queryClient, saved);
      // The panel follows the team to its new stage.
      void navigate({ to: "/cycles/$cycleId", params: { cycleId: saved.id }, search: {} });
      toast.success(
        t("cycles.stage.moved", { stage: saved.stage, name: t(`cycles.stages.${saved.stageKey}`) }),
      );
    },
  });
  const refusal = move.error
    ? isApiError(move.error) && move.error.errors.length > 0
      ? move.error.errors.map((e) => e.message)
      : [describeError(move.error, t)]
    : [];
  return (
    <div className="cycle-move">
      {refusal.length > 0 ? (
        <Notice tone="warning" role="alert">
          <p>{t("cycles.stage.missing")}</p>
          <ul>
            {refusal.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <div className="cluster">
        {cycle.stage > 1 ? (
          <Button variant="secondary" onPress={() => move.mutate(cycle.stage - 1)} isPending={move.isPending}>
            {t("cycles.stage.back")}
          </Button>
        ) : null}
        {cycle.stage < 7 ? (
          <Button variant="primary" onPress={() => move.mutate(cycle.stage + 1)} isPending={move.isPending}>
            {t("cycles.stage.next")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
