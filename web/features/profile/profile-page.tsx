import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Me, profileUpdateSchema } from "../../../shared/schemas/people.ts";
import { useLabels } from "../../i18n/labels.ts";
import { Button } from "../../ui/button.tsx";
import { CheckboxGroupField } from "../../ui/choice-fields.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Page } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { TagPicker } from "../../ui/tag-picker.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { meKey, useMe } from "../auth/me.ts";
import { CalendarSubscription } from "../calendar/calendar-subscription.tsx";
import { SchoolPicker } from "../schools/school-picker.tsx";
import { updateProfile } from "./api.ts";

function timeZoneOptions(current: string) {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  zones.add("UTC");
  if (current) zones.add(current);
  return [...zones].sort().map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }));
}

/** My profile: how others see me and how Lamplight speaks to me (language, time zone). */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const labels = useLabels();
  const toast = useToast();
  const queryClient = useQueryClient();
  const person = me.person;
  const [values, setValues] = useState({
    name: person.name,
    pronouns: person.pronouns,
    title: person.title,
    schoolIds: person.schoolIds,
    subjects: person.subjects,
    gradeBands: person.gradeBands,
    interests: person.interests,
    timeZone: person.timeZone,
    language: person.language,
  });
  const set =
    <K extends keyof typeof values>(key: K) =>
    (value: (typeof values)[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const zones = useMemo(() => timeZoneOptions(person.timeZone), [person.timeZone]);

  const form = useFormSubmit({
    schema: profileUpdateSchema,
    send: (data) => updateProfile(data),
    onSuccess: (saved) => {
      queryClient.setQueryData<Me | null>(meKey, (old) => (old ? { ...old, person: saved } : old));
      toast.success(t("profile.saved"));
    },
  });

  return (
    <Page title={t("profile.title")} lead={<p>{t("profile.lead", { email: person.email })}</p>}>
      <Form id="profile" form={form} onSubmit={() => form.submit(values)}>
        <TextField
          label={t("profile.name")}
          name="name"
          autoComplete="name"
          value={values.name}
          onChange={set("name")}
        />
        <TextField
          label={t("profile.pronouns")}
          name="pronouns"
          description={t("profile.pronounsHint")}
          value={values.pronouns}
          onChange={set("pronouns")}
          short
        />
        <TextField
          label={t("profile.jobTitle")}
          name="title"
          autoComplete="organization-title"
          description={t("profile.jobTitleHint")}
          value={values.title}
          onChange={set("title")}
        />
        <SchoolPicker value={values.schoolIds} onChange={set("schoolIds")} />
        <TagPicker
          label={t("profile.subjects")}
          addLabel={t("communityForm.addSubject")}
          name="subjects"
          value={values.subjects}
          onChange={set("subjects")}
          max={30}
        />
        <CheckboxGroupField
          label={t("profile.gradeBands")}
          name="gradeBands"
          value={values.gradeBands}
          onChange={set("gradeBands")}
          options={labels.gradeBandOptions}
          inline
        />
        <TagPicker
          label={t("profile.interests")}
          addLabel={t("profile.addInterest")}
          name="interests"
          value={values.interests}
          onChange={set("interests")}
          description={t("profile.interestsHint")}
          max={30}
        />
        <SelectField
          label={t("profile.timeZone")}
          name="timeZone"
          value={values.timeZone}
          onChange={set("timeZone")}
          options={zones}
          description={t("profile.timeZoneHint")}
        />
        <SelectField
          label={t("profile.language")}
          name="language"
          value={values.language}
          onChange={set("language")}
          options={[
            { value: "en", label: t("languages.en"), lang: "en" },
            { value: "es", label: t("languages.es"), lang: "es" },
          ]}
          description={t("profile.languageHint")}
        />
        <FormActions>
          <Button type="submit" variant="primary" isPending={form.isPending}>
            {t("profile.save")}
          </Button>
        </FormActions>
      </Form>
      <CalendarSubscription />
    </Page>
  );
}
