import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Assessment, assessmentPatchSchema } from "../../../shared/schemas/assessments.ts";
import { Button } from "../../ui/button.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { useToast } from "../../ui/toast.tsx";
import { assessmentKey, updateAssessment } from "./api.ts";
import { type AssessmentDetails, AssessmentFields, percentForApi } from "./assessment-fields.tsx";
import { type ItemDraft, ItemsEditor, itemsForApi } from "./items-editor.tsx";

const FORM_ID = "edit-assessment";

/** Changing an assessment in place; once results exist, items keep their points, kinds and keys. */
export function EditAssessmentForm({
  assessment: a,
  onDone,
}: {
  assessment: Assessment;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const locked = a.studentsWithResults > 0;
  const [details, setDetails] = useState<AssessmentDetails>({
    title: a.title,
    givenOn: a.givenOn ?? "",
    mastery: String(a.masteryPercent),
  });
  const [items, setItems] = useState<ItemDraft[]>(() =>
    a.items.map((i) => ({ ...i, key: i.id, maxPoints: String(i.maxPoints) })),
  );
  const form = useFormSubmit({
    schema: assessmentPatchSchema,
    send: (data) => updateAssessment(a.id, data),
    onSuccess: (updated) => {
      queryClient.setQueryData(assessmentKey(a.id), updated);
      void queryClient.invalidateQueries({ queryKey: ["community-assessments"] });
      toast.success(t("assessments.edit.saved"));
      onDone();
    },
  });
  const submit = () =>
    form.submit({
      title: details.title,
      givenOn: details.givenOn || null,
      masteryPercent: percentForApi(details.mastery),
      items: itemsForApi(items),
      updatedAt: a.updatedAt,
    });
  return (
    <Form id={FORM_ID} form={form} onSubmit={submit} aria-label={t("assessments.edit.formName")}>
      <AssessmentFields value={details} onChange={setDetails} />
      <ItemsEditor formId={FORM_ID} items={items} onChange={setItems} structureLocked={locked} />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("assessments.edit.submit")}
        </Button>
        <Button onPress={onDone}>{t("common.cancel")}</Button>
      </FormActions>
    </Form>
  );
}
