import { useContext, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_PROTOCOL_MINUTES } from "../../../../shared/protocols/definition.ts";
import { Button } from "../../../ui/button.tsx";
import { fieldDomId } from "../../../ui/form/field-errors.ts";
import { FormContext } from "../../../ui/form/form-context.tsx";
import { FieldErrorText } from "../../../ui/text-field.tsx";
import { useProtocolLabels } from "../labels.ts";
import { type StepButton, StepEditor } from "./step-editor.tsx";
import { blankStep, runningTotal, type StepDraft } from "./values.ts";

const MAX_STEPS = 30;

type FocusTarget = { key: string; kind: StepButton } | { kind: "title"; index: number } | { kind: "add" };

/**
 * The ordered steps with a running total. Add, remove and move are buttons (keyboard and screen reader
 * friendly); each change is announced and focus follows the step that moved.
 */
export function StepsEditor({ value, onChange }: { value: StepDraft[]; onChange: (v: StepDraft[]) => void }) {
  const { t } = useTranslation();
  const labels = useProtocolLabels();
  const form = useContext(FormContext);
  const formId = form?.formId ?? "protocol";
  const [announcement, setAnnouncement] = useState("");
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const addRef = useRef<HTMLButtonElement>(null);
  const total = runningTotal(value);
  const stepsError = form?.errors.steps;

  useEffect(() => {
    if (!focusTarget) return;
    // After React Aria has finished the press, move focus to where the person's attention should be.
    const frame = requestAnimationFrame(() => {
      if (focusTarget.kind === "add") addRef.current?.focus();
      else if (focusTarget.kind === "title")
        document.getElementById(fieldDomId(formId, `steps.${focusTarget.index}.title`))?.focus();
      else buttons.current.get(`${focusTarget.key}-${focusTarget.kind}`)?.focus();
      setFocusTarget(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [focusTarget, formId]);

  const move = (index: number, direction: -1 | 1) => {
    const target = index + direction;
    const moved = value[index];
    if (!moved || target < 0 || target >= value.length) return;
    const next = [...value];
    next.splice(index, 1);
    next.splice(target, 0, moved);
    onChange(next);
    setAnnouncement(
      t(direction < 0 ? "protocolEditor.movedUp" : "protocolEditor.movedDown", { number: target + 1 }),
    );
    // At the top or bottom the pressed button disables, so focus goes to its twin.
    const atEdge = direction < 0 ? target === 0 : target === next.length - 1;
    const same = direction < 0 ? "up" : "down";
    setFocusTarget({ key: moved.key, kind: atEdge ? (same === "up" ? "down" : "up") : same });
  };

  const remove = (index: number) => {
    const next = value.filter((_, i) => i !== index);
    onChange(next);
    setAnnouncement(t("protocolEditor.removed", { number: index + 1 }));
    setFocusTarget({ kind: "title", index: Math.min(index, next.length - 1) });
  };

  const add = () => {
    onChange([...value, blankStep(t("protocolEditor.newStepTitle"))]);
    setAnnouncement(t("protocolEditor.added", { number: value.length + 1 }));
    setFocusTarget({ kind: "title", index: value.length });
  };

  return (
    <section className="form-section protocol-steps-editor" aria-labelledby={`${formId}-steps-title`}>
      <h2 className="form-section__title" id={`${formId}-steps-title`}>
        {t("protocolEditor.steps")}
      </h2>
      <p id={fieldDomId(formId, "steps")} tabIndex={-1} className="protocol-total">
        {total > MAX_PROTOCOL_MINUTES
          ? t("protocolEditor.totalOver", { minutes: labels.minutes(total), max: MAX_PROTOCOL_MINUTES })
          : t("protocolEditor.total", { minutes: labels.minutes(total) })}
      </p>
      {stepsError ? (
        <p className="field__error">
          <FieldErrorText>{stepsError}</FieldErrorText>
        </p>
      ) : null}
      <ol className="protocol-steps-editor__list">
        {value.map((step, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: field ids follow the position, so a moved step remounts
          <li key={`${step.key}@${index}`}>
            <StepEditor
              step={step}
              index={index}
              count={value.length}
              onChange={(s) => onChange(value.map((old, i) => (i === index ? s : old)))}
              onMove={(direction) => move(index, direction)}
              onRemove={() => remove(index)}
              buttonRef={(kind, el) => buttons.current.set(`${step.key}-${kind}`, el)}
            />
          </li>
        ))}
      </ol>
      <div>
        <Button ref={addRef} onPress={add} isDisabled={value.length >= MAX_STEPS}>
          {t("protocolEditor.addStep")}
        </Button>
      </div>
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </section>
  );
}
