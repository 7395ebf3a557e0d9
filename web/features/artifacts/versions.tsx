import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { versionInputSchema } from "../../../shared/schemas/artifacts.ts";
import { Button } from "../../ui/button.tsx";
import { CheckboxGroupField } from "../../ui/choice-fields.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { DateTime } from "../../ui/format.tsx";
import { Section } from "../../ui/page.tsx";
import { TextAreaField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { type Artifact, artifactKeys, collapseErrors, shareVersion } from "./api.ts";
import { FileInput, linksFrom, UploadProgress } from "./file-input.tsx";
import { FileList } from "./file-list.tsx";

/** A new version after feedback: what changed, which current files to keep, new files and links. */
export function NewVersionForm({ artifact }: { artifact: Artifact }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const [keep, setKeep] = useState<string[]>(() => artifact.files.map((f) => f.id));
  const [files, setFiles] = useState<File[]>([]);
  const [sent, setSent] = useState<number | null>(null);
  const [links, setLinks] = useState("");
  const form = useFormSubmit({
    schema: versionInputSchema,
    send: (data, key) => {
      setSent(0);
      return shareVersion(artifact.id, data, files, key, setSent);
    },
    onSuccess: (next) => {
      queryClient.setQueryData(artifactKeys.one(artifact.id), next);
      void queryClient.invalidateQueries({ queryKey: artifactKeys.all });
      setNote("");
      setFiles([]);
      setLinks("");
      setKeep(next.files.map((f) => f.id));
      toast.success(t("artifacts.versionShared", { number: next.currentVersion }));
    },
  });
  const errors = collapseErrors(form.errors);
  return (
    <Section title={t("artifacts.newVersionHeading")} id="new-version">
      <p>{t("artifacts.newVersionLead")}</p>
      <Form
        id="artifact-version"
        form={{ errors, summaryRef: form.summaryRef }}
        onSubmit={() => form.submit({ note, keepFileIds: keep, links: linksFrom(links) })}
      >
        <TextAreaField label={t("artifacts.note")} name="note" value={note} onChange={setNote} isRequired />
        {artifact.files.length > 0 ? (
          <CheckboxGroupField
            label={t("artifacts.keep", { version: artifact.currentVersion })}
            name="keepFileIds"
            value={keep}
            onChange={setKeep}
            options={artifact.files.map((f) => ({ value: f.id, label: f.name }))}
          />
        ) : null}
        <FileInput
          label={t("artifacts.addFiles")}
          name="files"
          files={files}
          onChange={setFiles}
          description={t("artifacts.filesHint")}
        />
        <TextAreaField
          label={t("artifacts.links")}
          name="links"
          description={t("artifacts.linksHint")}
          value={links}
          onChange={setLinks}
          rows={2}
        />
        {form.isPending ? <UploadProgress sent={sent} /> : null}
        <FormActions>
          <Button type="submit" variant="primary" isPending={form.isPending}>
            {t("artifacts.submitVersion")}
          </Button>
        </FormActions>
      </Form>
    </Section>
  );
}

/** Every version, newest first, with its note and its own files (all stay downloadable). */
export function VersionHistory({ artifact }: { artifact: Artifact }) {
  const { t } = useTranslation();
  return (
    <Section title={t("artifacts.versionsHeading")} id="versions">
      <ol className="artifact-versions" reversed>
        {artifact.versions.map((version) => (
          <li key={version.number}>
            <h3>{t("artifacts.version", { number: version.number })}</h3>
            <p className="artifact-muted">
              {version.createdBy.name}, <DateTime iso={version.createdAt} />
            </p>
            <p>{version.note || t("artifacts.firstVersion")}</p>
            <FileList files={version.files} />
          </li>
        ))}
      </ol>
    </Section>
  );
}
