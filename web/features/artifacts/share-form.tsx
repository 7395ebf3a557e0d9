import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { artifactInputSchema } from "../../../shared/schemas/artifacts.ts";
import { type ArtifactKind, artifactKinds, privacyAttestations } from "../../../shared/schemas/work-enums.ts";
import { useLabels } from "../../i18n/labels.ts";
import { Button, LinkButton } from "../../ui/button.tsx";
import { CheckboxGroupField, RadioGroupField } from "../../ui/choice-fields.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Page } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { QueryView } from "../../ui/states.tsx";
import { TagPicker } from "../../ui/tag-picker.tsx";
import { TextAreaField, TextField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { communityQuery } from "../communities/api.ts";
import { artifactKeys, collapseErrors, shareArtifact } from "./api.ts";
import { FileInput, linksFrom } from "./file-input.tsx";
import "./artifacts.css";

type Values = {
  title: string;
  kind: ArtifactKind;
  focusingQuestion: string;
  description: string;
  subjects: string[];
  gradeBands: string[];
  standards: string[];
  topics: string[];
  rubricCriteria: string[];
  links: string;
  containsStudentWork: boolean;
  privacyAttestation: string;
};

const blank: Values = {
  title: "",
  kind: "assessment",
  focusingQuestion: "",
  description: "",
  subjects: [],
  gradeBands: [],
  standards: [],
  topics: [],
  rubricCriteria: [],
  links: "",
  containsStudentWork: false,
  privacyAttestation: "",
};

/** Share work in a community: every field, several files, links and the student-privacy attestation. */
export function ShareArtifactPage({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const community = useQuery(communityQuery(communityId));
  return (
    <Page
      title={t("artifacts.newTitle")}
      eyebrow={community.data ? t("artifacts.newEyebrow", { community: community.data.name }) : undefined}
      lead={t("artifacts.newLead")}
    >
      <QueryView query={community}>
        {(c) => <ShareForm communityId={communityId} communityName={c.name} />}
      </QueryView>
    </Page>
  );
}

function ShareForm({ communityId, communityName }: { communityId: string; communityName: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(blank);
  const [files, setFiles] = useState<File[]>([]);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const form = useFormSubmit({
    schema: artifactInputSchema,
    send: (data, key) => shareArtifact(communityId, data, files, key),
    onSuccess: (artifact) => {
      void queryClient.invalidateQueries({ queryKey: artifactKeys.all });
      toast.success(t("artifacts.shared", { community: communityName }));
      void navigate({ to: "/artifacts/$artifactId", params: { artifactId: artifact.id } });
    },
  });
  const submit = () =>
    form.submit({
      ...values,
      links: linksFrom(values.links),
      privacyAttestation: values.containsStudentWork ? values.privacyAttestation || null : null,
    });
  const errors = collapseErrors(form.errors);

  return (
    <Form
      id="share-artifact"
      form={{ errors, summaryRef: form.summaryRef }}
      onSubmit={submit}
      className="form artifact-form"
    >
      <fieldset className="fieldset form-section">
        <legend className="form-section__title">{t("artifacts.aboutSection")}</legend>
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
      </fieldset>

      <fieldset className="fieldset form-section">
        <legend className="form-section__title">{t("artifacts.filesSection")}</legend>
        <FileInput
          label={t("artifacts.files")}
          name="files"
          files={files}
          onChange={setFiles}
          description={t("artifacts.filesHint")}
        />
        <TextAreaField
          label={t("artifacts.links")}
          name="links"
          description={t("artifacts.linksHint")}
          value={values.links}
          onChange={set("links")}
          rows={2}
        />
      </fieldset>

      <fieldset className="fieldset form-section">
        <legend className="form-section__title">{t("artifacts.privacySection")}</legend>
        <CheckboxGroupField
          label={t("artifacts.studentWorkGroup")}
          name="containsStudentWork"
          value={values.containsStudentWork ? ["yes"] : []}
          onChange={(v) => set("containsStudentWork")(v.includes("yes"))}
          options={[
            {
              value: "yes",
              label: t("artifacts.containsStudentWork"),
              description: t("artifacts.containsStudentWorkHint"),
            },
          ]}
        />
        {values.containsStudentWork ? (
          <RadioGroupField
            label={t("artifacts.attestation")}
            name="privacyAttestation"
            description={t("artifacts.attestationHint")}
            value={values.privacyAttestation}
            onChange={set("privacyAttestation")}
            options={privacyAttestations.map((p) => ({ value: p, label: t(`privacyAttestations.${p}`) }))}
          />
        ) : null}
      </fieldset>

      <fieldset className="fieldset form-section">
        <legend className="form-section__title">{t("artifacts.tagsSection")}</legend>
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
      </fieldset>

      {form.isPending ? (
        <p role="status" className="artifact-muted">
          {t("artifacts.uploading")}
        </p>
      ) : null}
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("artifacts.submit")}
        </Button>
        <LinkButton variant="quiet" to="/communities/$communityId/artifacts" params={{ communityId }}>
          {t("artifacts.cancel")}
        </LinkButton>
      </FormActions>
    </Form>
  );
}
