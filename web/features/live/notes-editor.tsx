import { markdown } from "@codemirror/lang-markdown";
import { EditorState } from "@codemirror/state";
import { drawSelection, EditorView, highlightSpecialChars } from "@codemirror/view";
import { useEffect, useRef } from "react";
import { yCollab } from "y-codemirror.next";
import * as Y from "yjs";
import type { NotesSync } from "./notes-sync.ts";

interface NotesEditorProps {
  notes: NotesSync;
  label: string;
  readOnly: boolean;
}

/*
 * Styles: CodeMirror injects its own with a <style> element, which our CSP (style-src 'self') refuses; in
 * a shadow root it uses a constructed stylesheet instead, which CSP allows. So the editor lives in one.
 * Remote cursors: y-codemirror colours them through style attributes, which the CSP also refuses, so
 * they take the theme's colours and are told apart by the name, always shown.
 */
const theme = EditorView.theme({
  "&": {
    fontSize: "1.0625rem",
    minHeight: "12rem",
    color: "var(--color-text)",
    backgroundColor: "var(--color-surface)",
  },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": { fontFamily: "var(--font-body)", lineHeight: "1.55" },
  ".cm-content": { minHeight: "12rem", padding: "0.75rem", caretColor: "var(--color-text)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--color-text)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection": {
    backgroundColor: "var(--color-primary-soft)",
  },
  ".cm-ySelectionCaret": { borderColor: "var(--color-primary)", backgroundColor: "var(--color-primary)" },
  ".cm-ySelectionInfo": {
    opacity: "1",
    color: "var(--color-on-primary)",
    backgroundColor: "var(--color-primary)",
    fontFamily: "var(--font-body)",
    borderRadius: "3px",
    top: "-1.3em",
    whiteSpace: "nowrap",
  },
  ".cm-ySelection, .cm-yLineSelection": { backgroundColor: "var(--color-primary-soft)" },
});

/** The meeting's shared notes (CodeMirror 6 bound to the Yjs text); loaded only when the room opens. */
export function NotesEditor({ notes, label, readOnly }: NotesEditorProps) {
  const parent = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = parent.current;
    if (!host) return;
    const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
    const undoManager = new Y.UndoManager(notes.text);
    const view = new EditorView({
      parent: root,
      root,
      state: EditorState.create({
        doc: notes.text.toString(),
        extensions: [
          highlightSpecialChars(),
          drawSelection(),
          markdown(),
          EditorView.lineWrapping,
          theme,
          EditorView.contentAttributes.of({
            "aria-label": label,
            "data-testid": "shared-notes",
          }),
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
          yCollab(notes.text, notes.awareness, { undoManager }),
        ],
      }),
    });
    return () => {
      view.destroy();
      undoManager.destroy();
    };
  }, [notes, label, readOnly]);

  return <div ref={parent} className="notes-editor" />;
}
