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
  describedBy: string;
  readOnly: boolean;
}

/*
 * Remote cursors: y-codemirror colours them through style attributes, which our CSP (style-src 'self')
 * does not allow, so they take the theme's colours instead and are told apart by the name always shown.
 */
const theme = EditorView.theme({
  "&": { fontSize: "1rem", minHeight: "12rem" },
  ".cm-content": { fontFamily: "var(--font-body)", minHeight: "12rem", padding: "0.75rem 0" },
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
export function NotesEditor({ notes, label, describedBy, readOnly }: NotesEditorProps) {
  const parent = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!parent.current) return;
    const undoManager = new Y.UndoManager(notes.text);
    const view = new EditorView({
      parent: parent.current,
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
            "aria-describedby": describedBy,
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
  }, [notes, label, describedBy, readOnly]);

  return <div ref={parent} className="notes-editor" />;
}
