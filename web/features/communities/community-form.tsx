import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type Community,
  type CommunityInput,
  type CommunityKind,
  communityInputSchema,
  type Visibility,
} from "../../../shared/schemas/communities.ts";
import { useLabels } from "../../i18n/labels.ts";
import { Button, LinkButton } from "../../ui/button.tsx";
import { CheckboxGroupField, RadioGroupField } from "../../ui/choice-fields.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { SelectField } from "../../ui/select-field.tsx";
import { TagPicker } from "../../ui/tag-picker.tsx";
import { TextAreaField, TextField } from "../../ui/text-field.tsx";
import { SchoolPicker } from "../schools/school-picker.tsx";
import { type NormItem, NormsEditor, normItem } from "./norms-editor.tsx";
import "./communities.css";

interface Values {
  name: string;
  kind: CommunityKind | "";
  purpose: string;
  vision: string;
  values: string;
  norms: NormItem[];
  schoolIds: string[];
  subjects: string[];
  gradeBands: string[];
  topics: string[];
  visibility: Visibility;
  anonymousFeedback: boolean;
  shareResultsByTeacher: boolean;
}

const blank: Values = {
  name: "",
  kind: "community_of_practice",
  purpose: "",
  vision: "",
  values: "",
  norms: [],
  schoolIds: [],
  subjects: [],
  gradeBands: [],
  topics: [],
  visibility: "private",
  anonymousFeedback: false,
  shareResultsByTeacher: false,
};

function fromCommunity(c: Community): Values {
  return {
    name: c.name,
    kind: c.kind,
    purpose: c.purpose,
    vision: c.vision,
    values: c.values,
    norms: c.norms.map(normItem),
    schoolIds: c.schools.map((s) => s.id),
    subjects: c.subjects,
    gradeBands: c.gradeBands,
    topics: c.topics,
    visibility: c.visibility,
    anonymousFeedback: c.anonymousFeedback,
    shareResultsByTeacher: c.shareResultsByTeacher,
  };
}

interface CommunityFormProps {
  id: string;
  community?: Community;
  organizationName: string;
  submitLabel: string;
  send: (input: CommunityInput, idempotencyKey: string) => Promise<Community>;
  onSaved: (community: Community) => void;
  cancel: { to: "/" } | { to: "/communities/$communityId"; params: { communityId: string } };
}

/** Every field of a community, validated with the same schema the server uses. */
export function CommunityForm({
  id,
  community,
  organizationName,
  submitLabel,
  send,
  onSaved,
  cancel,
}: CommunityFormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [values, setValues] = useState<Values>(() => (community ? fromCommunity(community) : blank));
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const form = useFormSubmit({ schema: communityInputSchema, send, onSuccess: onSaved });

  const submit = () => form.submit({ ...values, norms: values.norms.map((n) => n.text) });

  return (
    <Form id={id} form={form} onSubmit={submit} className="form community-form">
      <fieldset className="fieldset form-section">
        <legend className="form-section__title">{t("communityForm.aboutSection")}</legend>
        <TextField
          label={t("communityForm.name")}
          name="name"
          value={values.name}
          onChange={set("name")}
          isRequired
        />
        <SelectField
          label={t("communityForm.kind")}
          name="kind"
          value={values.kind}
          onChange={(v) => set("kind")(v as CommunityKind)}
          options={labels.kindOptions}
        />
        <TextAreaField
          label={t("communityForm.purpose")}
          name="purpose"
          description={t("communityForm.purposeHint")}
          value={values.purpose}
          onChange={set("purpose")}
          rows={3}
        />
      </fieldset>

      <fieldset className="fieldset form-section">
        <legend className="form-section__title">{t("communityForm.visionSection")}</legend>
        <TextAreaField
          label={t("communityForm.vision")}
          name="vision"
          description={t("communityForm.visionHint")}
          value={values.vision}
          onChange={set("vision")}
        />
        <TextAreaField
          label={t("communityForm.values")}
          name="values"
          description={t("communityForm.valuesHint")}
          value={values.values}
          onChange={set("values")}
        />
        <NormsEditor value={values.norms} onChange={set("norms")} />
      </fieldset>

      <fieldset className="fieldset form-section">
        <legend className="form-section__title">{t("communityForm.whoSection")}</legend>
        <SchoolPicker
          value={values.schoolIds}
          onChange={set("schoolIds")}
          description={t("communityForm.schoolsHint")}
        />
        <TagPicker
          label={t("communityForm.subjects")}
          addLabel={t("communityForm.addSubject")}
          name="subjects"
          value={values.subjects}
          onChange={set("subjects")}
          description={t("communityForm.subjectsHint")}
          max={30}
        />
        <CheckboxGroupField
          label={t("communityForm.gradeBands")}
          name="gradeBands"
          value={values.gradeBands}
          onChange={set("gradeBands")}
          options={labels.gradeBandOptions}
          inline
        />
        <TagPicker
          label={t("communityForm.topics")}
          addLabel={t("communityForm.addTopic")}
          name="topics"
          value={values.topics}
          onChange={set("topics")}
          description={t("communityForm.topicsHint")}
          max={30}
        />
      </fieldset>

      <div className="form-section">
        <RadioGroupField
          label={t("communityForm.visibility")}
          name="visibility"
          value={values.visibility}
          onChange={(v) => set("visibility")(v as Visibility)}
          options={[
            {
              value: "private",
              label: labels.visibility("private"),
              description: t("visibilityHint.private"),
            },
            {
              value: "organization",
              label: labels.visibility("organization"),
              description: t("visibilityHint.organization", { organization: organizationName }),
            },
          ]}
        />
        <CheckboxGroupField
          label={t("communityForm.feedback")}
          name="anonymousFeedback"
          value={values.anonymousFeedback ? ["yes"] : []}
          onChange={(v) => set("anonymousFeedback")(v.includes("yes"))}
          options={[
            {
              value: "yes",
              label: t("communityForm.anonymousFeedback"),
              description: t("communityForm.anonymousFeedbackHint"),
            },
          ]}
        />
        <CheckboxGroupField
          label={t("communityForm.studentResults")}
          name="shareResultsByTeacher"
          value={values.shareResultsByTeacher ? ["yes"] : []}
          onChange={(v) => set("shareResultsByTeacher")(v.includes("yes"))}
          options={[
            {
              value: "yes",
              label: t("communityForm.shareResultsByTeacher"),
              description: t("communityForm.shareResultsByTeacherHint"),
            },
          ]}
        />
      </div>

      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {submitLabel}
        </Button>
        <LinkButton variant="quiet" {...cancel}>
          {t("common.cancel")}
        </LinkButton>
      </FormActions>
    </Form>
  );
}
