import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ResultMapping } from "../../../shared/results/mapping.ts";
import type { Assessment } from "../../../shared/schemas/assessments.ts";
import { Button } from "../../ui/button.tsx";
import { RadioGroupField } from "../../ui/choice-fields.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import type { FormSubmit } from "../../ui/form/use-form-submit.ts";
import { SelectField } from "../../ui/select-field.tsx";
import { Notice } from "../../ui/states.tsx";
import type { ImportMode, ImportPreview } from "./api.ts";

export const MAPPING_FORM = "import-mapping";

type Props = {
  assessment: Assessment;
  preview: ImportPreview;
  form: FormSubmit;
  onImport: (options: { shape: string; mapping: ResultMapping; mode: ImportMode }) => void;
  onStartOver: () => void;
};

/**
 * The mapping step: which shape the file has, which column is what, and what to do with bad rows. Starts
 * from the mapping the server offers (the one used last for these columns, or its guess) and says which.
 */
export function MappingForm({ assessment, preview, form, onImport, onStartOver }: Props) {
  const { t } = useTranslation();
  const first = preview.mapping;
  const [shape, setShape] = useState<"long" | "wide">(first.shape);
  const [student, setStudent] = useState(first.student);
  const [item, setItem] = useState(first.shape === "long" ? first.item : "");
  const [score, setScore] = useState(first.shape === "long" ? (first.score ?? "") : "");
  const [response, setResponse] = useState(first.shape === "long" ? (first.response ?? "") : "");
  const [columns, setColumns] = useState<Record<string, string>>(first.shape === "wide" ? first.items : {});
  const [mode, setMode] = useState<ImportMode>("all_or_nothing");
  const headerOptions = preview.header.map((h) => ({ value: h, label: h }));
  const none = { value: "", label: t("assessments.mapping.none") };
  const mapping = (): ResultMapping =>
    shape === "long"
      ? { shape, student, item, ...(score && { score }), ...(response && { response }) }
      : {
          shape,
          student,
          items: Object.fromEntries(Object.entries(columns).filter(([c, label]) => label && c !== student)),
        };
  return (
    <Form
      id={MAPPING_FORM}
      form={form}
      onSubmit={() => onImport({ shape, mapping: mapping(), mode })}
      aria-label={t("assessments.mapping.formName")}
    >
      <Notice role="status">
        <p>{preview.remembered ? t("assessments.mapping.remembered") : t("assessments.mapping.suggested")}</p>
      </Notice>
      <RadioGroupField
        label={t("assessments.mapping.shape")}
        name="shape"
        value={shape}
        onChange={(v) => setShape(v === "long" ? "long" : "wide")}
        options={[
          {
            value: "wide",
            label: t("assessments.shapes.wide"),
            description: t("assessments.mapping.wideHint"),
          },
          {
            value: "long",
            label: t("assessments.shapes.long"),
            description: t("assessments.mapping.longHint"),
          },
        ]}
      />
      <SelectField
        label={t("assessments.mapping.student")}
        name="mapping.student"
        description={t("assessments.mapping.studentHint")}
        value={student}
        onChange={setStudent}
        options={headerOptions}
        placeholder={t("assessments.mapping.choose")}
      />
      {shape === "long" ? (
        <>
          <SelectField
            label={t("assessments.mapping.item")}
            name="mapping.item"
            description={t("assessments.mapping.itemHint")}
            value={item}
            onChange={setItem}
            options={headerOptions}
            placeholder={t("assessments.mapping.choose")}
          />
          <SelectField
            label={t("assessments.mapping.score")}
            name="mapping.score"
            value={score}
            onChange={setScore}
            options={[none, ...headerOptions]}
          />
          <SelectField
            label={t("assessments.mapping.response")}
            name="mapping.response"
            description={t("assessments.mapping.responseHint")}
            value={response}
            onChange={setResponse}
            options={[none, ...headerOptions]}
          />
        </>
      ) : (
        <fieldset className="mapping-columns">
          <legend className="field__label">{t("assessments.mapping.columnsLegend")}</legend>
          <p className="field__description">{t("assessments.mapping.columnsHint")}</p>
          {preview.header
            .filter((h) => h !== student)
            .map((h) => (
              <SelectField
                key={h}
                label={t("assessments.mapping.column", { column: h })}
                name={`mapping.items.${h}`}
                value={columns[h] ?? ""}
                onChange={(label) => setColumns({ ...columns, [h]: label })}
                options={[
                  { value: "", label: t("assessments.mapping.notImported") },
                  ...assessment.items.map((i) => ({ value: i.label, label: i.label })),
                ]}
              />
            ))}
        </fieldset>
      )}
      <RadioGroupField
        label={t("assessments.mapping.mode")}
        name="mode"
        value={mode}
        onChange={(v) => setMode(v === "good_rows_only" ? "good_rows_only" : "all_or_nothing")}
        options={[
          {
            value: "all_or_nothing",
            label: t("assessments.modes.all_or_nothing"),
            description: t("assessments.modes.allHint"),
          },
          {
            value: "good_rows_only",
            label: t("assessments.modes.good_rows_only"),
            description: t("assessments.modes.goodHint"),
          },
        ]}
      />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("assessments.mapping.submit")}
        </Button>
        <Button onPress={onStartOver}>{t("assessments.import.otherFile")}</Button>
      </FormActions>
    </Form>
  );
}
