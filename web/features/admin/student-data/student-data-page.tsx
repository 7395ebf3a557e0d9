import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type StudentDataSettings, studentDataSettingsSchema } from "../../../../shared/schemas/analysis.ts";
import { Button } from "../../../ui/button.tsx";
import { Form, FormActions } from "../../../ui/form/form.tsx";
import { useFormSubmit } from "../../../ui/form/use-form-submit.ts";
import { NativeField } from "../../../ui/native-field.tsx";
import { Page } from "../../../ui/page.tsx";
import { QueryView } from "../../../ui/states.tsx";
import { analysisKeys, saveStudentDataSettings, studentDataSettingsQuery } from "../../analysis/api.ts";
import { useMe } from "../../auth/me.ts";
import { NoAccess } from "../../shell/error-page.tsx";

/** /admin/student-data — the district's minimum group size for aggregates of student data. */
export function StudentDataSettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery({ ...studentDataSettingsQuery(), enabled: me.can.manageOrganization });
  if (!me.can.manageOrganization) return <NoAccess message={t("studentDataSettings.noAccess")} />;
  return (
    <Page
      title={t("studentDataSettings.title")}
      lead={<p>{t("studentDataSettings.lead", { organization: me.organization.name })}</p>}
      width="narrow"
    >
      <QueryView query={query} loadingLabel={t("studentDataSettings.loading")}>
        {(settings) => <SettingsForm settings={settings} />}
      </QueryView>
    </Page>
  );
}

function SettingsForm({ settings }: { settings: StudentDataSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(String(settings.studentGroupMinimum));
  const [saved, setSaved] = useState<number | null>(null);
  const form = useFormSubmit({
    schema: studentDataSettingsSchema,
    send: (data) => saveStudentDataSettings(data),
    onSuccess: (result) => {
      setSaved(result.studentGroupMinimum);
      queryClient.setQueryData(analysisKeys.settings, result);
      void queryClient.invalidateQueries({ queryKey: ["analysis"] });
    },
  });
  return (
    <Form
      id="student-data-settings"
      form={form}
      onSubmit={() => {
        setSaved(null);
        form.submit({ studentGroupMinimum: value.trim() === "" ? Number.NaN : Number(value) });
      }}
    >
      <NativeField
        label={t("studentDataSettings.minimum")}
        name="studentGroupMinimum"
        type="number"
        min={1}
        max={100}
        value={value}
        onChange={setValue}
        description={t("studentDataSettings.minimumHint")}
      />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("studentDataSettings.save")}
        </Button>
      </FormActions>
      <p role="status">{saved !== null ? t("studentDataSettings.saved", { minimum: saved }) : null}</p>
    </Form>
  );
}
