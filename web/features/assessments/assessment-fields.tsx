import { useTranslation } from "react-i18next";
import { NativeField } from "../../ui/native-field.tsx";
import { TextField } from "../../ui/text-field.tsx";

/** The fields of an assessment as typed: the mastery threshold stays text until it is sent. */
export type AssessmentDetails = { title: string; givenOn: string; mastery: string };

export const percentForApi = (value: string) => (value.trim() === "" ? undefined : Number(value));

/** Title, date given and mastery threshold: the same fields for a new assessment and an edit. */
export function AssessmentFields({
  value,
  onChange,
}: {
  value: AssessmentDetails;
  onChange: (next: AssessmentDetails) => void;
}) {
  const { t } = useTranslation();
  const set = (field: keyof AssessmentDetails) => (v: string) => onChange({ ...value, [field]: v });
  return (
    <>
      <TextField
        label={t("assessments.fields.title")}
        name="title"
        value={value.title}
        onChange={set("title")}
        isRequired
      />
      <NativeField
        type="date"
        label={t("assessments.fields.givenOn")}
        name="givenOn"
        description={t("assessments.optional")}
        value={value.givenOn}
        onChange={set("givenOn")}
      />
      <NativeField
        type="number"
        label={t("assessments.fields.mastery")}
        name="masteryPercent"
        description={t("assessments.fields.masteryHint")}
        value={value.mastery}
        onChange={set("mastery")}
        min={1}
        max={100}
      />
    </>
  );
}
