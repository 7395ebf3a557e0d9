import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { artifactInputSchema } from "../../../shared/schemas/artifacts.ts";
import { privacyAttestations } from "../../../shared/schemas/work-enums.ts";
import { Button, LinkButton } from "../../ui/button.tsx";
import { CheckboxGroupField, RadioGroupField } from "../../ui/choice-fields.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Page } from "../../ui/page.tsx";
import { QueryView } from "../../ui/states.tsx";
import { TextAreaField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { communityQuery } from "../communities/api.ts";
import { artifactKeys, collapseErrors, shareArtifact } from "./api.ts";
import { AboutFields, blankDetails, type Details, type SetDetail, TagFields } from "./details-fields.tsx";
import { FileInput, linksFrom, UploadProgress } from "./file-input.tsx";
import "./artifacts.css";

type Values = Details & { links: string; containsStudentWork: boolean; privacyAttestation: string };

const blank: Values = { ...blankDetails, links: "", containsStudentWork: false, privacyAttestation: "" };

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
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(blank);
  const [files, setFiles] = useState<File[]>([]);
  const [sent, setSent] = useState<number | null>(null);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const form = useFormSubmit({
    schema: artifactInputSchema,
    send: (data, key) => {
      setSent(0);
      return shareArtifact(communityId, data, files, key, setSent);
    },
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
        <AboutFields values={values} set={set as SetDetail} />
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
        <TagFields values={values} set={set as SetDetail} />
      </fieldset>

      {form.isPending ? <UploadProgress sent={sent} /> : null}
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
