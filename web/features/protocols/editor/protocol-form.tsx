import { useBlocker } from "@tanstack/react-router";
import { type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProtocolPurpose, ProtocolRole } from "../../../../shared/protocols/definition.ts";
import type { Protocol } from "../../../../shared/schemas/protocols.ts";
import { protocolInputSchema } from "../../../../shared/schemas/protocols.ts";
import { isApiError } from "../../../api/client.ts";
import { Button } from "../../../ui/button.tsx";
import { CheckboxGroupField } from "../../../ui/choice-fields.tsx";
import { FORM_LEVEL } from "../../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../../ui/form/form.tsx";
import { useFormSubmit } from "../../../ui/form/use-form-submit.ts";
import { SelectField } from "../../../ui/select-field.tsx";
import { TextAreaField, TextField } from "../../../ui/text-field.tsx";
import { useProtocolLabels } from "../labels.ts";
import { StepsEditor } from "./steps-editor.tsx";
import { type EditorValues, toInput } from "./values.ts";

interface ProtocolFormProps {
  id: string;
  initial: EditorValues;
  submitLabel: string;
  send: (input: ReturnType<typeof protocolInputSchema.parse>, idempotencyKey: string) => Promise<Protocol>;
  onSaved: (protocol: Protocol) => void;
  /** Shown when someone else saved meanwhile (409): a way to start again from their version. */
  onConflict?: () => void;
  cancel: ReactNode;
}

/** Every field of a protocol, validated with the schema the server uses, errors next to each field. */
export function ProtocolForm({
  id,
  initial,
  submitLabel,
  send,
  onSaved,
  onConflict,
  cancel,
}: ProtocolFormProps) {
  const { t } = useTranslation();
  const labels = useProtocolLabels();
  const [values, setValues] = useState(initial);
  const [conflicted, setConflicted] = useState(false);
  const saved = useRef(false);
  const set =
    <K extends keyof EditorValues>(key: K) =>
    (value: EditorValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const form = useFormSubmit({
    schema: protocolInputSchema,
    send,
    onSuccess: (protocol) => {
      saved.current = true;
      onSaved(protocol);
    },
    mapError: (error) => {
      if (!isApiError(error) || error.status !== 409) return undefined;
      setConflicted(true);
      return { [FORM_LEVEL]: t("protocolEditor.conflict") };
    },
  });

  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  useBlocker({
    shouldBlockFn: () => dirty && !saved.current && !window.confirm(t("protocolEditor.unsaved")),
    enableBeforeUnload: () => dirty && !saved.current,
  });

  return (
    <Form id={id} form={form} onSubmit={() => form.submit(toInput(values))} className="form protocol-form">
      <fieldset className="fieldset form-section">
        <legend className="form-section__title">{t("protocolEditor.about")}</legend>
        <TextField
          label={t("protocolEditor.name")}
          name="name"
          value={values.name}
          onChange={set("name")}
          isRequired
        />
        <SelectField
          label={t("protocolEditor.purpose")}
          name="purpose"
          value={values.purpose}
          onChange={(v) => set("purpose")(v as ProtocolPurpose)}
          options={labels.purposeOptions}
        />
        <TextAreaField
          label={t("protocolEditor.summary")}
          name="summary"
          description={t("protocolEditor.summaryHint")}
          value={values.summary}
          onChange={set("summary")}
          rows={2}
        />
        <TextAreaField
          label={t("protocolEditor.whenToUse")}
          name="whenToUse"
          description={t("protocolEditor.whenToUseHint")}
          value={values.whenToUse}
          onChange={set("whenToUse")}
          rows={2}
        />
        <div className="protocol-step-editor__row">
          <TextField
            label={t("protocolEditor.groupMin")}
            name="groupSize.min"
            inputMode="numeric"
            short
            value={values.groupMin}
            onChange={set("groupMin")}
            description={t("protocolEditor.groupHint")}
          />
          <TextField
            label={t("protocolEditor.groupMax")}
            name="groupSize.max"
            inputMode="numeric"
            short
            value={values.groupMax}
            onChange={set("groupMax")}
          />
        </div>
        <CheckboxGroupField
          label={t("protocolEditor.roles")}
          name="roles"
          description={t("protocolEditor.rolesHint")}
          value={values.roles}
          onChange={(v) => set("roles")(v as ProtocolRole[])}
          options={labels.roleOptions}
          inline
        />
      </fieldset>

      <StepsEditor value={values.steps} onChange={set("steps")} />

      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {submitLabel}
        </Button>
        {conflicted && onConflict ? (
          <Button
            variant="secondary"
            onPress={() => {
              saved.current = true;
              onConflict();
            }}
          >
            {t("protocolEditor.reload")}
          </Button>
        ) : null}
        {cancel}
      </FormActions>
    </Form>
  );
}
