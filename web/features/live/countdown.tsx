import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LiveState } from "../../../shared/schemas/live.ts";
import { countdownStage, formatCountdown } from "./clock.ts";

interface CountdownProps {
  state: LiveState;
  ms: number;
  size?: "room" | "projector";
}

/**
 * The shared countdown, large. Its stage is said in words under the digits (and by the border style),
 * never by colour alone; the digits themselves are not announced every second (role="timer").
 */
export function Countdown({ state, ms, size = "room" }: CountdownProps) {
  const { t } = useTranslation();
  const stage = countdownStage(ms);
  const words =
    state.phase === "paused"
      ? t("live.timer.paused")
      : state.phase === "not_started"
        ? t("live.timer.notStarted")
        : stage === "time_up"
          ? t("live.timer.timeUp")
          : stage === "last_minute"
            ? t("live.timer.lastMinute")
            : null;
  return (
    <div className={`countdown countdown--${size}`} data-stage={stage} data-phase={state.phase}>
      <span className="visually-hidden">{t("live.timer.label")}</span>
      <span className="countdown__time" role="timer">
        {formatCountdown(ms)}
      </span>
      {words ? <span className="countdown__words">{words}</span> : null}
    </div>
  );
}

/**
 * One polite live region for the room: it speaks when the step or phase changes, at one minute left,
 * and when time is up — not every second, which would drown out everything else a screen reader says.
 */
export function useRoomAnnouncement(state: LiveState | null, stepTitle: string | null, ms: number): string {
  const { t } = useTranslation();
  const [message, setMessage] = useState("");
  const previous = useRef<{ phase: string; step: string; stage: string } | null>(null);
  const stage = countdownStage(ms);

  useEffect(() => {
    if (!state) return;
    const now = { phase: state.phase, step: `${state.itemIndex}.${state.stepIndex}`, stage };
    const before = previous.current;
    previous.current = now;
    if (!before) return; // the first state is what the page shows; nothing changed yet
    if (now.phase !== before.phase) {
      if (now.phase === "ended") return setMessage(t("live.timer.announceEnded"));
      if (now.phase === "paused") return setMessage(t("live.timer.announcePaused"));
      if (before.phase === "not_started") return setMessage(t("live.timer.announceStarted"));
      if (now.phase === "running") return setMessage(t("live.timer.announceResumed"));
    }
    if (now.step !== before.step && stepTitle) {
      return setMessage(
        t("live.timer.announceStep", { step: stepTitle, minutes: Math.round(state.durationSeconds / 60) }),
      );
    }
    if (state.phase === "running" && now.stage !== before.stage) {
      if (now.stage === "last_minute") setMessage(t("live.timer.announceLastMinute"));
      if (now.stage === "time_up") setMessage(t("live.timer.announceTimeUp"));
    }
  }, [state, stepTitle, stage, t]);

  return message;
}
