import { useTranslation } from "react-i18next";
import { useFormat } from "../../ui/format.tsx";
import type { SaveState } from "./use-autosave.ts";

/** "Draft saved", announced politely; always in the page so screen readers hear each change. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text =
    state.kind === "saving"
      ? t("surveyResponses.draftSaving")
      : state.kind === "saved"
        ? t("surveyResponses.draftSavedAt", { date: format.dateTime(state.at) })
        : state.kind === "offline"
          ? t("surveyResponses.draftOffline")
          : state.kind === "stale"
            ? t("surveyResponses.stale")
            : "";
  return (
    <p className="survey-save-status" role="status" aria-live="polite">
      {text}
    </p>
  );
}
