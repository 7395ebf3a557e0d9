import { useBlocker } from "@tanstack/react-router";
import { type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { Survey, SurveyPlaces } from "../../../../shared/schemas/surveys.ts";
import { isApiError } from "../../../api/client.ts";
import { Button } from "../../../ui/button.tsx";
import { FORM_LEVEL } from "../../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../../ui/form/form.tsx";
import { useFormSubmit } from "../../../ui/form/use-form-submit.ts";
import { SelectField } from "../../../ui/select-field.tsx";
import { CheckboxField } from "../../feedback/checkbox-field.tsx";
import { BuilderProvider, LocalizedField } from "./builder-context.tsx";
import { SectionsEditor } from "./sections-editor.tsx";
import { type BuilderValues, toDefinition } from "./values.ts";

interface SurveyFormProps<S extends z.ZodType> {
  id: string;
  initial: BuilderValues;
  /** The create's or the edit's schema: both hold the definition under `definition`. */
  schema: S;
  /** What the schema is given: the definition plus the create's place or the edit's version. */
  payload: (values: BuilderValues) => unknown;
  send: (input: z.output<S>, idempotencyKey: string) => Promise<Survey>;
  onSaved: (survey: Survey) => void;
  /** The places a new survey may go; none when editing. */
  places?: SurveyPlaces;
  submitLabel: string;
  onConflict?: () => void;
  cancel: ReactNode;
}

/** The survey builder: every field validated with the server's schema, errors next to each field. */
export function SurveyForm<S extends z.ZodType>(props: SurveyFormProps<S>) {
  const { t } = useTranslation();
  const [values, setValues] = useState(props.initial);
  const [conflicted, setConflicted] = useState(false);
  const saved = useRef(false);
  const set =
    <K extends keyof BuilderValues>(key: K) =>
    (value: BuilderValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const form = useFormSubmit({
    schema: props.schema,
    send: props.send,
    onSuccess: (survey: Survey) => {
      saved.current = true;
      props.onSaved(survey);
    },
    mapError: (error) => {
      if (!isApiError(error) || error.status !== 409) return undefined;
      setConflicted(true);
      return { [FORM_LEVEL]: error.detail ?? t("surveyBuilder.conflict") };
    },
  });

  const dirty = JSON.stringify(values) !== JSON.stringify(props.initial);
  useBlocker({
    shouldBlockFn: () => dirty && !saved.current && !window.confirm(t("surveyBuilder.unsaved")),
    enableBeforeUnload: () => dirty && !saved.current,
  });
  const placeOptions = props.places
    ? [
        ...(props.places.district ? [{ value: "", label: t("surveys.copyPlaceDistrict") }] : []),
        ...props.places.communities.map((c) => ({ value: c.id, label: c.name })),
      ]
    : [];

  return (
    <Form id={props.id} form={form} onSubmit={() => form.submit(props.payload(values))} className="form">
      <BuilderProvider formId={props.id} translate={values.translate}>
        <fieldset className="fieldset form-section">
          <legend className="form-section__title">{t("surveyBuilder.about")}</legend>
          {placeOptions.length > 0 ? (
            <SelectField
              label={t("surveyBuilder.place")}
              name="communityId"
              description={t("surveyBuilder.placeHint")}
              value={values.communityId}
              onChange={set("communityId")}
              options={placeOptions}
            />
          ) : null}
          <LocalizedField
            label={t("surveyBuilder.title")}
            name="definition.title"
            value={values.title}
            onChange={set("title")}
            isRequired
          />
          <LocalizedField
            label={t("surveyBuilder.introduction")}
            name="definition.introduction"
            value={values.introduction}
            onChange={set("introduction")}
            description={t("surveyBuilder.introductionHint")}
            multiline
          />
          <CheckboxField
            label={t("surveyBuilder.translate")}
            name="translate"
            checked={values.translate}
            onChange={set("translate")}
            description={t("surveyBuilder.translateHint")}
          />
        </fieldset>
        <SectionsEditor value={values.sections} onChange={set("sections")} />
      </BuilderProvider>
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {props.submitLabel}
        </Button>
        {conflicted && props.onConflict ? (
          <Button
            variant="secondary"
            onPress={() => {
              saved.current = true;
              props.onConflict?.();
            }}
          >
            {t("surveyBuilder.reload")}
          </Button>
        ) : null}
        {props.cancel}
      </FormActions>
    </Form>
  );
}

/** What the create sends. */
export const createPayload = (v: BuilderValues) => ({
  definition: toDefinition(v),
  communityId: v.communityId || null,
});
/** What an edit sends: the definition and the survey's version it started from. */
export const editPayload = (version: number) => (v: BuilderValues) => ({
  definition: toDefinition(v),
  version,
});
