import { useTranslation } from "react-i18next";
import type { AnonymityMode, CaptureKind, ProtocolRole } from "../../../../shared/protocols/definition.ts";
import { Button } from "../../../ui/button.tsx";
import { CheckboxGroupField } from "../../../ui/choice-fields.tsx";
import { SelectField } from "../../../ui/select-field.tsx";
import { TextAreaField, TextField } from "../../../ui/text-field.tsx";
import { useProtocolLabels } from "../labels.ts";
import { PromptsEditor } from "./prompts-editor.tsx";
import type { StepDraft } from "./values.ts";

export type StepButton = "up" | "down" | "remove";

interface StepEditorProps {
  step: StepDraft;
  index: number;
  count: number;
  onChange: (step: StepDraft) => void;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
  /** Lets the list put focus back on a button after the step moved. */
  buttonRef: (kind: StepButton, element: HTMLButtonElement | null) => void;
}

/** Every field of one step, named `steps.N.<field>` so the server's errors land next to them. */
export function StepEditor({ step, index, count, onChange, onMove, onRemove, buttonRef }: StepEditorProps) {
  const { t } = useTranslation();
  const labels = useProtocolLabels();
  const number = index + 1;
  const path = (field: string) => `steps.${index}.${field}`;
  const set =
    <K extends keyof StepDraft>(key: K) =>
    (value: StepDraft[K]) =>
      onChange({ ...step, [key]: value });

  return (
    <fieldset className="fieldset protocol-step-editor">
      <legend className="protocol-step-editor__legend">{t("protocolEditor.step", { number })}</legend>
      <div className="protocol-step-editor__row">
        <TextField
          label={t("protocolEditor.stepTitle")}
          name={path("title")}
          value={step.title}
          onChange={set("title")}
        />
        <TextField
          label={t("protocolEditor.minutes")}
          name={path("minutes")}
          inputMode="numeric"
          short
          value={step.minutes}
          onChange={set("minutes")}
        />
      </div>
      <TextAreaField
        label={t("protocolEditor.instructions")}
        name={path("instructions")}
        description={t("protocolEditor.instructionsHint")}
        value={step.instructions}
        onChange={set("instructions")}
        rows={3}
      />
      <CheckboxGroupField
        label={t("protocolEditor.speakers")}
        name={path("speakers")}
        value={step.speakers}
        onChange={(v) => set("speakers")(v as ProtocolRole[])}
        options={labels.roleOptions}
        inline
      />
      <CheckboxGroupField
        label={t("protocolEditor.silent")}
        name={path("silent")}
        value={step.silent}
        onChange={(v) => set("silent")(v as ProtocolRole[])}
        options={labels.roleOptions}
        inline
      />
      <PromptsEditor stepIndex={index} value={step.prompts} onChange={set("prompts")} />
      <div className="protocol-step-editor__row">
        <SelectField
          label={t("protocolEditor.captures")}
          name={path("captures")}
          value={step.captures}
          onChange={(v) => set("captures")(v as CaptureKind)}
          options={labels.captureOptions}
        />
        {step.captures !== "nothing" ? (
          <SelectField
            label={t("protocolEditor.anonymity")}
            name={path("anonymity")}
            value={step.anonymity}
            onChange={(v) => set("anonymity")(v as AnonymityMode)}
            options={labels.anonymityOptions}
          />
        ) : null}
      </div>
      <div className="protocol-step-editor__buttons">
        <Button
          size="small"
          ref={(el) => buttonRef("up", el)}
          accessibleName={t("protocolEditor.moveUp", { number })}
          isDisabled={index === 0}
          onPress={() => onMove(-1)}
        >
          <span aria-hidden="true">↑</span> {t("protocolEditor.up")}
        </Button>
        <Button
          size="small"
          ref={(el) => buttonRef("down", el)}
          accessibleName={t("protocolEditor.moveDown", { number })}
          isDisabled={index === count - 1}
          onPress={() => onMove(1)}
        >
          <span aria-hidden="true">↓</span> {t("protocolEditor.down")}
        </Button>
        <Button
          size="small"
          variant="quiet"
          ref={(el) => buttonRef("remove", el)}
          accessibleName={t("protocolEditor.remove", { number })}
          isDisabled={count === 1}
          onPress={onRemove}
        >
          {t("common.remove")}
        </Button>
      </div>
    </fieldset>
  );
}
