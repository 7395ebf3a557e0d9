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
        <LongColumns
          header={preview.header}
          value={{ item, score, response }}
          set={{ item: setItem, score: setScore, response: setResponse }}
        />
      ) : (
        <WideColumns
          header={preview.header.filter((h) => h !== student)}
          items={assessment.items.map((i) => i.label)}
          columns={columns}
          onChange={setColumns}
        />
      )}
      <ModeField mode={mode} onChange={setMode} />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("assessments.mapping.submit")}
        </Button>
        <Button onPress={onStartOver}>{t("assessments.import.otherFile")}</Button>
      </FormActions>
    </Form>
  );
}

type Long = { item: string; score: string; response: string };

/** Long files: the item column, and a score column, a response column, or both. */
function LongColumns({
  header,
  value,
  set,
}: {
  header: string[];
  value: Long;
  set: { [K in keyof Long]: (v: string) => void };
}) {
  const { t } = useTranslation();
  const options = header.map((h) => ({ value: h, label: h }));
  const none = { value: "", label: t("assessments.mapping.none") };
  return (
    <>
      <SelectField
        label={t("assessments.mapping.item")}
        name="mapping.item"
        description={t("assessments.mapping.itemHint")}
        value={value.item}
        onChange={set.item}
        options={options}
        placeholder={t("assessments.mapping.choose")}
      />
      <SelectField
        label={t("assessments.mapping.score")}
        name="mapping.score"
        value={value.score}
        onChange={set.score}
        options={[none, ...options]}
      />
      <SelectField
        label={t("assessments.mapping.response")}
        name="mapping.response"
        description={t("assessments.mapping.responseHint")}
        value={value.response}
        onChange={set.response}
        options={[none, ...options]}
      />
    </>
  );
}

/** Wide files: for each column but the student's, the item it holds (or Not imported). */
function WideColumns(props: {
  header: string[];
  items: string[];
  columns: Record<string, string>;
  onChange: (columns: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const options = [
    { value: "", label: t("assessments.mapping.notImported") },
    ...props.items.map((label) => ({ value: label, label })),
  ];
  return (
    <fieldset className="mapping-columns">
      <legend className="field__label">{t("assessments.mapping.columnsLegend")}</legend>
      <p className="field__description">{t("assessments.mapping.columnsHint")}</p>
      {props.header.map((h) => (
        <SelectField
          key={h}
          label={t("assessments.mapping.column", { column: h })}
          name={`mapping.items.${h}`}
          value={props.columns[h] ?? ""}
          onChange={(label) => props.onChange({ ...props.columns, [h]: label })}
          options={options}
        />
      ))}
    </fieldset>
  );
}

function ModeField({ mode, onChange }: { mode: ImportMode; onChange: (mode: ImportMode) => void }) {
  const { t } = useTranslation();
  return (
    <RadioGroupField
      label={t("assessments.mapping.mode")}
      name="mode"
      value={mode}
      onChange={(v) => onChange(v === "good_rows_only" ? "good_rows_only" : "all_or_nothing")}
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
  );
}
