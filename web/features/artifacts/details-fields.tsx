import { useTranslation } from "react-i18next";
import { type ArtifactKind, artifactKinds } from "../../../shared/schemas/work-enums.ts";
import { useLabels } from "../../i18n/labels.ts";
import { CheckboxGroupField } from "../../ui/choice-fields.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { TagPicker } from "../../ui/tag-picker.tsx";
import { TextAreaField, TextField } from "../../ui/text-field.tsx";

/** The describable part of a work sample, shared by the share form and the edit dialog. */
export type Details = {
  title: string;
  kind: ArtifactKind;
  focusingQuestion: string;
  description: string;
  subjects: string[];
  gradeBands: string[];
  standards: string[];
  topics: string[];
  rubricCriteria: string[];
};

export const blankDetails: Details = {
  title: "",
  kind: "assessment",
  focusingQuestion: "",
  description: "",
  subjects: [],
  gradeBands: [],
  standards: [],
  topics: [],
  rubricCriteria: [],
};

export type SetDetail = <K extends keyof Details>(key: K) => (value: Details[K]) => void;
type Props = { values: Details; set: SetDetail };

/** Title, kind, focusing question and description. */
export function AboutFields({ values, set }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t("artifacts.title")}
        name="title"
        value={values.title}
        onChange={set("title")}
        isRequired
      />
      <SelectField
        label={t("artifacts.kind")}
        name="kind"
        value={values.kind}
        onChange={(v) => set("kind")(v as ArtifactKind)}
        options={artifactKinds.map((k) => ({ value: k, label: t(`artifactKinds.${k}`) }))}
      />
      <TextAreaField
        label={t("artifacts.focusingQuestion")}
        name="focusingQuestion"
        description={t("artifacts.focusingQuestionHint")}
        value={values.focusingQuestion}
        onChange={set("focusingQuestion")}
        rows={2}
      />
      <TextAreaField
        label={t("artifacts.description")}
        name="description"
        description={t("artifacts.optional")}
        value={values.description}
        onChange={set("description")}
      />
    </>
  );
}

/** Subjects, grade bands, standards, topics and rubric criteria. */
export function TagFields({ values, set }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <>
      <TagPicker
        label={t("artifacts.subjects")}
        addLabel={t("artifacts.addSubject")}
        name="subjects"
        value={values.subjects}
        onChange={set("subjects")}
        max={30}
      />
      <CheckboxGroupField
        label={t("artifacts.gradeBands")}
        name="gradeBands"
        value={values.gradeBands}
        onChange={set("gradeBands")}
        options={labels.gradeBandOptions}
        inline
      />
      <TagPicker
        label={t("artifacts.standards")}
        addLabel={t("artifacts.addStandard")}
        name="standards"
        description={t("artifacts.standardsHint")}
        value={values.standards}
        onChange={set("standards")}
        max={30}
      />
      <TagPicker
        label={t("artifacts.topics")}
        addLabel={t("artifacts.addTopic")}
        name="topics"
        value={values.topics}
        onChange={set("topics")}
        max={30}
      />
      <TagPicker
        label={t("artifacts.rubricCriteria")}
        addLabel={t("artifacts.addCriterion")}
        name="rubricCriteria"
        description={t("artifacts.rubricHint")}
        value={values.rubricCriteria}
        onChange={set("rubricCriteria")}
        max={20}
      />
    </>
  );
}
