import { lazy, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../../ui/states.tsx";
import type { ConnectionStatus } from "./live-view.ts";
import type { NotesSync } from "./notes-sync.ts";

// CodeMirror is the largest part of the room; load it after the step and the clock are on screen.
const NotesEditor = lazy(() => import("./notes-editor.tsx").then((m) => ({ default: m.NotesEditor })));

interface NotesSectionProps {
  notes: NotesSync;
  personId: string;
  name: string;
  status: ConnectionStatus;
  readOnly: boolean;
}

export function NotesSection({ notes, personId, name, status, readOnly }: NotesSectionProps) {
  const { t } = useTranslation();

  useEffect(() => {
    const [color, light] = cursorColour(personId);
    notes.setUser(name, color, light);
  }, [notes, personId, name]);

  return (
    <section className="notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading" className="notes__title">
        {t("live.notes.title")}
      </h2>
      <p id="notes-hint" className="muted">
        {readOnly ? t("live.notes.observer") : t("live.notes.hint")}
      </p>
      {status === "offline" || status === "reconnecting" ? (
        <p className="connection-hint">{t("live.notes.offline")}</p>
      ) : null}
      <Suspense fallback={<Loading label={t("live.notes.loading")} lines={2} />}>
        <NotesEditor notes={notes} label={t("live.notes.label")} readOnly={readOnly} />
      </Suspense>
    </section>
  );
}

/** A stable colour per person (sent to others with the cursor; shown where the browser allows). */
function cursorColour(personId: string): [string, string] {
  const palette: [string, string][] = [
    ["#1d4f91", "#1d4f9133"],
    ["#a3211b", "#a3211b33"],
    ["#1a6638", "#1a663833"],
    ["#6a4a00", "#6a4a0033"],
    ["#6b2d8f", "#6b2d8f33"],
  ];
  let hash = 0;
  for (const ch of personId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length] ?? ["#1d4f91", "#1d4f9133"];
}
