import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { reflectionInputSchema } from "../../../shared/schemas/artifacts.ts";
import { Button } from "../../ui/button.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { DateTime } from "../../ui/format.tsx";
import { Section } from "../../ui/page.tsx";
import { TextAreaField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { type Artifact, artifactKeys, saveReflection } from "./api.ts";

/** The presenter's reflection and next steps: an editor for the owner, the text for everyone else. */
export function Reflection({ artifact }: { artifact: Artifact }) {
  const { t } = useTranslation();
  return (
    <Section title={t("artifacts.reflectionHeading")} id="reflection">
      {artifact.can.edit ? (
        <ReflectionEditor key={artifact.reflectedAt ?? "none"} artifact={artifact} />
      ) : artifact.reflection || artifact.nextSteps ? (
        <>
          <h3>{t("artifacts.reflection")}</h3>
          <p className="artifact-description">{artifact.reflection}</p>
          <h3>{t("artifacts.nextSteps")}</h3>
          <p className="artifact-description">{artifact.nextSteps}</p>
          {artifact.reflectedAt ? (
            <p className="artifact-muted">
              <DateTime iso={artifact.reflectedAt} />
            </p>
          ) : null}
        </>
      ) : (
        <p className="artifact-muted">{t("artifacts.noReflection")}</p>
      )}
    </Section>
  );
}

function ReflectionEditor({ artifact }: { artifact: Artifact }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [reflection, setReflection] = useState(artifact.reflection);
  const [nextSteps, setNextSteps] = useState(artifact.nextSteps);
  const form = useFormSubmit({
    schema: reflectionInputSchema,
    send: (data) => saveReflection(artifact.id, data),
    onSuccess: (next) => {
      queryClient.setQueryData(artifactKeys.one(artifact.id), next);
      toast.success(t("artifacts.reflectionSaved"));
    },
  });
  return (
    <Form
      id="artifact-reflection"
      form={form}
      onSubmit={() => form.submit({ reflection, nextSteps, basedOn: artifact.reflectedAt })}
    >
      <TextAreaField
        label={t("artifacts.reflection")}
        name="reflection"
        description={t("artifacts.reflectionHint")}
        value={reflection}
        onChange={setReflection}
      />
      <TextAreaField
        label={t("artifacts.nextSteps")}
        name="nextSteps"
        description={t("artifacts.nextStepsHint")}
        value={nextSteps}
        onChange={setNextSteps}
      />
      {artifact.reflectedAt ? (
        <p className="artifact-muted">
          <DateTime iso={artifact.reflectedAt} />
        </p>
      ) : null}
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("artifacts.saveReflection")}
        </Button>
      </FormActions>
    </Form>
  );
}
