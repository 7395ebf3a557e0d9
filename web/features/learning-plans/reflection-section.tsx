import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { planUpdateSchema } from "../../../shared/schemas/learning-plans.ts";
import { isApiError } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Section } from "../../ui/page.tsx";
import { TextAreaField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { type LearningPlan, planKeys, updatePlan } from "./api.ts";
import { usePlanSaved } from "./plan-saved.ts";

/** The year's closing reflection and how I show my students how I learn (409 when saved elsewhere since). */
export function ReflectionSection({ plan, year }: { plan: LearningPlan; year: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const saved = usePlanSaved(year);
  const [reflection, setReflection] = useState(plan.reflection);
  const [modeling, setModeling] = useState(plan.modelingForStudents);
  const [stale, setStale] = useState(false);
  const form = useFormSubmit({
    schema: planUpdateSchema,
    send: (input) => updatePlan(year, input),
    onSuccess: (next) => {
      saved(next);
      setStale(false);
      toast.success(t("learningPlan.reflectionSaved"));
    },
    mapError: (error) => {
      if (isApiError(error) && error.status === 409) setStale(true);
      return undefined;
    },
  });
  return (
    <Section title={t("learningPlan.reflectionTitle")} id="reflection">
      <Form
        id="plan-reflection"
        form={form}
        onSubmit={() => form.submit({ version: plan.version, reflection, modelingForStudents: modeling })}
      >
        <TextAreaField
          label={t("learningPlan.fieldYearReflection")}
          name="reflection"
          value={reflection}
          onChange={setReflection}
          description={t("learningPlan.fieldYearReflectionHint")}
          rows={6}
        />
        <TextAreaField
          label={t("learningPlan.fieldModeling")}
          name="modelingForStudents"
          value={modeling}
          onChange={setModeling}
          description={t("learningPlan.fieldModelingHint")}
          rows={4}
        />
        <FormActions>
          <Button type="submit" variant="primary" isPending={form.isPending}>
            {t("learningPlan.saveReflection")}
          </Button>
          {stale ? (
            <Button
              variant="secondary"
              onPress={() => void queryClient.invalidateQueries({ queryKey: planKeys.all })}
            >
              {t("learningPlan.reload")}
            </Button>
          ) : null}
        </FormActions>
      </Form>
    </Section>
  );
}
