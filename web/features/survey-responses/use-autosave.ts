import { useEffect, useRef, useState } from "react";
import type { SurveyAnswers } from "../../../shared/surveys/definition.ts";
import { isApiError } from "../../api/client.ts";
import { saveDraft } from "./api.ts";
import { writeCopy } from "./local-copy.ts";

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "offline" }
  | { kind: "stale" };

/**
 * Saving as you go: every change goes to this device at once and to the server after a pause (one save in
 * flight at a time, each with the version the last one returned, so two saves never race).
 */
export function useAutosave(options: {
  administrationId: string;
  personId: string;
  version: number;
  enabled: boolean;
}) {
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const version = useRef(options.version);
  const latest = useRef<SurveyAnswers | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);

  const flush = async () => {
    if (inFlight.current || !latest.current) return;
    const answers = latest.current;
    latest.current = null;
    inFlight.current = true;
    setState({ kind: "saving" });
    try {
      const saved = await saveDraft(options.administrationId, answers, version.current);
      version.current = saved.version;
      setState({ kind: "saved", at: saved.draftSavedAt ?? new Date().toISOString() });
    } catch (error) {
      if (isApiError(error) && error.status === 409 && error.errors.some((e) => e.path === "version"))
        setState({ kind: "stale" });
      else if (isApiError(error) && error.status === 422) setState({ kind: "idle" });
      else {
        latest.current ??= answers;
        setState({ kind: "offline" });
      }
    } finally {
      inFlight.current = false;
      if (latest.current) timer.current = setTimeout(() => void flush(), 2000);
    }
  };

  const change = (answers: SurveyAnswers) => {
    writeCopy(options.administrationId, options.personId, answers);
    if (!options.enabled) return;
    latest.current = answers;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), 800);
  };

  /** Stops pending saves (before submitting: the submission clears the draft). */
  const cancel = () => {
    clearTimeout(timer.current);
    latest.current = null;
  };

  useEffect(() => () => clearTimeout(timer.current), []);
  return { state, change, cancel, version };
}
