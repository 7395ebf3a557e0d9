import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { assessmentInputSchema } from "../../../shared/schemas/assessments.ts";
import { Button } from "../../ui/button.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Page } from "../../ui/page.tsx";
import { communityQuery } from "../communities/api.ts";
import { communityAssessmentsKey, createAssessment, districtAssessmentsKey } from "./api.ts";
import { type AssessmentDetails, AssessmentFields, percentForApi } from "./assessment-fields.tsx";
import { type ItemDraft, ItemsEditor, itemsForApi, newItem } from "./items-editor.tsx";
import "./assessments.css";

const FORM_ID = "new-assessment";

/**
 * New assessment: title, date, mastery threshold and its items; then its overview, to import results.
 * Without a community it is district-wide (administrators).
 */
export function NewAssessmentPage({ communityId }: { communityId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const community = useQuery({ ...communityQuery(communityId ?? ""), enabled: communityId !== undefined });
  const [details, setDetails] = useState<AssessmentDetails>({ title: "", givenOn: "", mastery: "80" });
  const [items, setItems] = useState<ItemDraft[]>(() => [newItem("Q1")]);
  const form = useFormSubmit({
    schema: assessmentInputSchema,
    send: (data, key) => createAssessment(data, key),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({
        queryKey: communityId ? communityAssessmentsKey(communityId) : districtAssessmentsKey,
      });
      void navigate({ to: "/assessments/$assessmentId", params: { assessmentId: created.id } });
    },
  });
  const submit = () =>
    form.submit({
      title: details.title,
      communityId: communityId ?? null,
      givenOn: details.givenOn || null,
      masteryPercent: percentForApi(details.mastery),
      items: itemsForApi(items),
    });
  return (
    <Page
      title={communityId ? t("assessments.new.title") : t("assessments.district.newTitle")}
      eyebrow={
        !communityId ? (
          <Link to="/assessments">{t("assessments.district.title")}</Link>
        ) : community.data ? (
          <Link to="/communities/$communityId/assessments" params={{ communityId }}>
            {t("assessments.new.back", { name: community.data.name })}
          </Link>
        ) : null
      }
      lead={<p>{t("assessments.new.lead")}</p>}
    >
      <Form id={FORM_ID} form={form} onSubmit={submit}>
        <AssessmentFields value={details} onChange={setDetails} />
        <ItemsEditor formId={FORM_ID} items={items} onChange={setItems} />
        <FormActions>
          <Button type="submit" variant="primary" isPending={form.isPending}>
            {t("assessments.new.submit")}
          </Button>
          {communityId ? (
            <Link to="/communities/$communityId/assessments" params={{ communityId }}>
              {t("common.cancel")}
            </Link>
          ) : (
            <Link to="/assessments">{t("common.cancel")}</Link>
          )}
        </FormActions>
      </Form>
    </Page>
  );
}
