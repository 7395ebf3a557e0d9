import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  activityInputSchema,
  activityUpdateSchema,
  learningActivityKinds,
} from "../../../shared/schemas/learning-plans.ts";
import { Button } from "../../ui/button.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { useFormat } from "../../ui/format.tsx";
import { NativeField } from "../../ui/native-field.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { TextAreaField, TextField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { communityListQuery } from "../communities/api.ts";
import { meetingListPage } from "../meetings/api.ts";
import { type Activity, addActivity, type LearningPlan, updateActivity } from "./api.ts";
import { usePlanSaved } from "./plan-saved.ts";

/** Hours typed as text: "" is none, "3,5" reads as 3.5; anything else is left for the schema to refuse. */
const hoursOf = (text: string): number | null | string => {
  const trimmed = text.trim().replace(",", ".");
  if (!trimmed) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : text;
};

/** Log an activity, or edit the one chosen in the table. */
export function ActivityForm(props: {
  plan: LearningPlan;
  year: string;
  activity: Activity | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { activity } = props;
  const toast = useToast();
  const saved = usePlanSaved(props.year);
  const communities = useQuery(communityListQuery("mine", ""));
  const initial = {
    kind: activity?.kind ?? "",
    title: activity?.title ?? "",
    happenedOn: activity?.happenedOn ?? "",
    hours: activity?.hours === null || activity?.hours === undefined ? "" : String(activity.hours),
    learningGoalId: activity?.learningGoalId ?? "",
    communityId: activity?.community?.id ?? "",
    meetingId: activity?.meeting?.id ?? "",
    evidence: activity?.evidence ?? "",
    reflection: activity?.reflection ?? "",
  };
  const [v, setV] = useState(initial);
  const set = (key: keyof typeof initial) => (value: string) => setV((old) => ({ ...old, [key]: value }));
  const format = useFormat();
  // The community's past meetings, to say which one it was (only once a community is chosen).
  const meetings = useQuery({
    queryKey: ["meetings", "list", v.communityId, "past", "learning-plan"],
    queryFn: () => meetingListPage(v.communityId, "past", undefined, 50),
    enabled: Boolean(v.communityId),
  });
  const form = useFormSubmit({
    schema: activity ? activityUpdateSchema : activityInputSchema,
    send: (input, key) =>
      activity ? updateActivity(props.year, activity.id, input) : addActivity(props.year, input, key),
    onSuccess: (plan) => {
      saved(plan);
      toast.success(activity ? t("learningPlan.activitySaved") : t("learningPlan.activityAdded"));
      setV({ ...initial, kind: "", title: "", happenedOn: "", hours: "", evidence: "", reflection: "" });
      props.onDone();
    },
  });
  const values = {
    kind: v.kind || undefined,
    title: v.title,
    happenedOn: v.happenedOn || null,
    hours: hoursOf(v.hours),
    learningGoalId: v.learningGoalId || null,
    communityId: v.communityId || null,
    meetingId: (v.communityId && v.meetingId) || null,
    evidence: v.evidence,
    reflection: v.reflection,
  };
  const heading = activity
    ? t("learningPlan.editActivity", { title: activity.title })
    : t("learningPlan.addActivityTitle");
  return (
    <Form
      id={activity ? `edit-activity-${activity.id}` : "add-activity"}
      form={form}
      onSubmit={() => form.submit(values)}
      aria-label={heading}
    >
      <h3>{heading}</h3>
      <SelectField
        label={t("learningPlan.fieldKind")}
        name="kind"
        value={v.kind}
        placeholder={activity ? undefined : t("learningPlan.chooseKind")}
        options={learningActivityKinds.map((k) => ({ value: k, label: t(`learningPlan.kind.${k}`) }))}
        onChange={set("kind")}
      />
      <TextField label={t("learningPlan.fieldTitle")} name="title" value={v.title} onChange={set("title")} />
      <NativeField
        label={t("learningPlan.fieldDate")}
        name="happenedOn"
        type="date"
        value={v.happenedOn}
        onChange={set("happenedOn")}
        description={t("learningPlan.fieldDateHint")}
      />
      <TextField
        label={t("learningPlan.fieldHours")}
        name="hours"
        value={v.hours}
        onChange={set("hours")}
        description={t("learningPlan.fieldHoursHint")}
      />
      <SelectField
        label={t("learningPlan.fieldGoal")}
        name="learningGoalId"
        value={v.learningGoalId}
        placeholder={t("learningPlan.noGoal")}
        options={props.plan.goals.map((g) => ({ value: g.id, label: g.title }))}
        onChange={set("learningGoalId")}
      />
      <SelectField
        label={t("learningPlan.fieldCommunity")}
        name="communityId"
        value={v.communityId}
        placeholder={t("learningPlan.fieldCommunityNone")}
        options={(communities.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        onChange={set("communityId")}
        description={t("learningPlan.fieldCommunityHint")}
      />
      {v.communityId ? (
        <SelectField
          label={t("learningPlan.fieldMeeting")}
          name="meetingId"
          value={v.meetingId}
          placeholder={t("learningPlan.fieldMeetingNone")}
          options={(meetings.data?.items ?? []).map((m) => ({
            value: m.id,
            label: `${m.title} · ${format.date(m.startsAt)}`,
          }))}
          onChange={set("meetingId")}
          description={t("learningPlan.fieldMeetingHint")}
        />
      ) : null}
      <TextAreaField
        label={t("learningPlan.fieldEvidence")}
        name="evidence"
        value={v.evidence}
        onChange={set("evidence")}
        description={t("learningPlan.fieldEvidenceHint")}
      />
      <TextAreaField
        label={t("learningPlan.fieldReflection")}
        name="reflection"
        value={v.reflection}
        onChange={set("reflection")}
        description={t("learningPlan.fieldReflectionHint")}
      />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {activity ? t("learningPlan.saveActivity") : t("learningPlan.addActivity")}
        </Button>
        {activity ? (
          <Button variant="secondary" onPress={props.onDone}>
            {t("learningPlan.cancel")}
          </Button>
        ) : null}
      </FormActions>
    </Form>
  );
}
