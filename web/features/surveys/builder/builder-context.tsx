import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { TextAreaField, TextField } from "../../../ui/text-field.tsx";
import type { TextDraft } from "./values.ts";

type Builder = {
  formId: string;
  translate: boolean;
  /** Says what just happened to screen readers (moved, removed, added). */
  announce: (message: string) => void;
  /** Moves focus to the element with this id once React has rendered the change. */
  focusLater: (id: string) => void;
};

const BuilderContext = createContext<Builder | null>(null);

export function useBuilder(): Builder {
  const builder = useContext(BuilderContext);
  if (!builder) throw new Error("useBuilder outside the survey builder");
  return builder;
}

/** The builder's shared state: its form id, whether Spanish fields show, an announcer and a focus mover. */
export function BuilderProvider({
  formId,
  translate,
  children,
}: {
  formId: string;
  translate: boolean;
  children: ReactNode;
}) {
  const [announcement, setAnnouncement] = useState("");
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    // After React Aria has finished the press, move focus to where the person's attention should be.
    const frame = requestAnimationFrame(() => {
      document.getElementById(focusTarget)?.focus();
      setFocusTarget(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [focusTarget]);
  return (
    <BuilderContext.Provider
      value={{ formId, translate, announce: setAnnouncement, focusLater: setFocusTarget }}
    >
      {children}
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </BuilderContext.Provider>
  );
}

/** A text of the survey: its English field and, when translating, a Spanish one under it. */
export function LocalizedField({
  label,
  name,
  value,
  onChange,
  description,
  multiline,
  isRequired,
}: {
  label: string;
  /** The path of the English text, e.g. `definition.sections.0.title`; `.en` / `.es` are added. */
  name: string;
  value: TextDraft;
  onChange: (value: TextDraft) => void;
  description?: string;
  multiline?: boolean;
  isRequired?: boolean;
}) {
  const { t } = useTranslation();
  const { translate } = useBuilder();
  const Field = multiline ? TextAreaField : TextField;
  const rows = multiline ? { rows: 2 } : {};
  return (
    <>
      <Field
        label={label}
        name={`${name}.en`}
        value={value.en}
        onChange={(en) => onChange({ ...value, en })}
        description={description}
        isRequired={isRequired}
        {...rows}
      />
      {translate ? (
        <Field
          label={t("surveyBuilder.inSpanish", { label })}
          name={`${name}.es`}
          value={value.es}
          onChange={(es) => onChange({ ...value, es })}
          description={t("surveyBuilder.spanishHint")}
          {...rows}
        />
      ) : null}
    </>
  );
}
