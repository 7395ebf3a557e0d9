import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { artifactUpdateSchema } from "../../../shared/schemas/artifacts.ts";
import { Button } from "../../ui/button.tsx";
import { ModalDialog } from "../../ui/dialog.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { useToast } from "../../ui/toast.tsx";
import { type Artifact, artifactKeys, collapseErrors, updateArtifact } from "./api.ts";
import { AboutFields, type Details, TagFields } from "./details-fields.tsx";

const detailsOf = (a: Artifact): Details => ({
  title: a.title,
  kind: a.kind,
  focusingQuestion: a.focusingQuestion,
  description: a.description,
  subjects: a.subjects,
  gradeBands: a.gradeBands,
  standards: a.standards,
  topics: a.topics,
  rubricCriteria: a.rubricCriteria,
});

/** The owner's "Edit details" button and dialog (files change through a new version). */
export function EditDetails({ artifact }: { artifact: Artifact }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onPress={() => setOpen(true)}>
        {t("artifacts.editDetails")}
      </Button>
      <ModalDialog title={t("artifacts.editDetailsTitle")} isOpen={open} onOpenChange={setOpen} size="wide">
        <EditForm artifact={artifact} onDone={() => setOpen(false)} />
      </ModalDialog>
    </>
  );
}

function EditForm({ artifact, onDone }: { artifact: Artifact; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Details>(() => detailsOf(artifact));
  const set =
    <K extends keyof Details>(key: K) =>
    (value: Details[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const form = useFormSubmit({
    schema: artifactUpdateSchema,
    send: (data) => updateArtifact(artifact.id, data),
    onSuccess: (next) => {
      queryClient.setQueryData(artifactKeys.one(artifact.id), next);
      void queryClient.invalidateQueries({ queryKey: artifactKeys.all });
      toast.success(t("artifacts.detailsSaved"));
      onDone();
    },
  });
  const errors = collapseErrors(form.errors);
  return (
    <Form
      id="edit-artifact"
      form={{ errors, summaryRef: form.summaryRef }}
      onSubmit={() => form.submit(values)}
    >
      <AboutFields values={values} set={set} />
      <TagFields values={values} set={set} />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("artifacts.saveDetails")}
        </Button>
        <Button variant="quiet" onPress={onDone}>
          {t("artifacts.cancel")}
        </Button>
      </FormActions>
    </Form>
  );
}
