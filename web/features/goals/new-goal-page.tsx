import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type GoalLevel, goalLevels } from "../../../shared/schemas/goal-enums.ts";
import { goalInputSchema } from "../../../shared/schemas/goals.ts";
import { Button } from "../../ui/button.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Page } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { Notice } from "../../ui/states.tsx";
import { useMe } from "../auth/me.ts";
import { communityQuery } from "../communities/api.ts";
import { peopleQuery } from "../people/api.ts";
import { schoolsQuery } from "../schools/api.ts";
import { createGoal, goalKeys } from "./api.ts";
import { draftValues, emptyDraft, GoalFields } from "./goal-fields.tsx";
import "./goals.css";

export type NewGoalSearch = {
  level?: GoalLevel | undefined;
  schoolId?: string | undefined;
  communityId?: string | undefined;
};

/** The levels this person may set goals at (the server decides; this only keeps the choice honest). */
function useLevels(communityId: string | undefined): GoalLevel[] {
  const me = useMe();
  const role = me.person.orgRole;
  const levels: GoalLevel[] = [];
  if (role === "administrator") levels.push("national", "state", "district", "school");
  if (role === "school_leader") levels.push("school");
  if (communityId) levels.push("community");
  return goalLevels.filter((l) => levels.includes(l));
}

/** /goals/new: a goal at the level and place given in the address (chosen here otherwise). */
export function NewGoalPage({ search }: { search: NewGoalSearch }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const levels = useLevels(search.communityId);
  const [level, setLevel] = useState<GoalLevel>(
    search.level && levels.includes(search.level)
      ? search.level
      : (levels.at(search.communityId ? -1 : 2) ?? levels[0] ?? "school"),
  );
  const [schoolId, setSchoolId] = useState(search.schoolId ?? "");
  const [draft, setDraft] = useState(emptyDraft);
  const schools = useQuery({ ...schoolsQuery, enabled: level === "school" });
  const community = useQuery({ ...communityQuery(search.communityId ?? ""), enabled: level === "community" });
  const people = useQuery({
    ...peopleQuery("", "active"),
    enabled: level !== "community" && me.person.orgRole !== "educator" && me.person.orgRole !== "partner",
  });
  // A community's goal is owned by one of its active members; other goals by a person of the district.
  const ownerOptions = (
    level === "community"
      ? (community.data?.members ?? [])
          .filter((m) => m.status === "active" && m.role !== "partner" && m.role !== "observer")
          .map((m) => ({ value: m.personId, label: m.name }))
      : (people.data?.items ?? [])
          .filter((p) => p.orgRole !== "partner")
          .map((p) => ({ value: p.id, label: p.name }))
  ).filter((o) => o.value !== me.person.id);
  const schoolOptions = (schools.data?.items ?? [])
    .filter(
      (s) => !s.archived && (me.person.orgRole === "administrator" || me.person.schoolIds.includes(s.id)),
    )
    .map((s) => ({ value: s.id, label: s.name }));
  const form = useFormSubmit({
    schema: goalInputSchema,
    send: createGoal,
    onSuccess: (goal) => {
      void queryClient.invalidateQueries({ queryKey: goalKeys.all });
      void navigate({ to: "/goals/$goalId", params: { goalId: goal.id } });
    },
  });
  const reference = level === "national" || level === "state";
  const submit = () =>
    form.submit({
      level,
      schoolId: level === "school" ? schoolId || null : null,
      communityId: level === "community" ? (search.communityId ?? null) : null,
      status: reference ? "not_started" : draft.status,
      ownerId: draft.ownerId || null,
      ...draftValues(draft, reference),
    });
  if (levels.length === 0)
    return (
      <Page title={t("goals.form.createTitle")} width="narrow">
        <Notice tone="warning">
          <p>{t("goals.form.notAllowed")}</p>
        </Notice>
      </Page>
    );
  return (
    <Page title={t("goals.form.createTitle")} width="narrow">
      <Form id="create-goal" form={form} onSubmit={submit} className="form">
        <SelectField
          label={t("goals.form.level")}
          name="level"
          value={level}
          onChange={(v) => setLevel(v as GoalLevel)}
          options={levels.map((l) => ({ value: l, label: t(`goals.levels.${l}`) }))}
        />
        {level === "school" ? (
          <SelectField
            label={t("goals.form.school")}
            name="schoolId"
            value={schoolId}
            onChange={setSchoolId}
            placeholder={t("goals.form.schoolPlaceholder")}
            options={schoolOptions}
          />
        ) : null}
        {level === "community" ? (
          <p>{t("goals.form.communityLine", { name: community.data?.name ?? "" })}</p>
        ) : null}
        <GoalFields
          level={level}
          draft={draft}
          onChange={setDraft}
          withStatus={!reference}
          ownerOptions={ownerOptions}
        />
        <FormActions>
          <Button type="submit" variant="primary" isPending={form.isPending}>
            {t("goals.form.create")}
          </Button>
          <Link to="/goals">{t("goals.form.cancel")}</Link>
        </FormActions>
      </Form>
    </Page>
  );
}
