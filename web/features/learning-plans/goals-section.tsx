import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  learningGoalInputSchema,
  learningGoalStatuses,
  learningGoalUpdateSchema,
} from "../../../shared/schemas/learning-plans.ts";
import { Button } from "../../ui/button.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Section } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { Badge, EmptyState } from "../../ui/states.tsx";
import { TextAreaField, TextField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { goalListQuery } from "../goals/api.ts";
import { addGoal, type LearningGoal, type LearningPlan, removeGoal, updateGoal } from "./api.ts";
import { EditRemove } from "./edit-remove.tsx";
import { usePlanSaved } from "./plan-saved.ts";

export function GoalsSection({ plan, year }: { plan: LearningPlan; year: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const hours = plan.totals.byGoal;
  const editingGoal = plan.goals.find((g) => g.id === editing) ?? null;
  return (
    <Section title={t("learningPlan.goalsTitle")} id="goals">
      {plan.goals.length === 0 ? (
        <EmptyState title={t("learningPlan.goalsEmptyTitle")}>
          <p>{t("learningPlan.goalsEmpty")}</p>
        </EmptyState>
      ) : (
        <ul className="plan-goals" aria-label={t("learningPlan.goalsTitle")}>
          {plan.goals.map((g) => (
            <GoalItem
              key={g.id}
              goal={g}
              year={year}
              hours={hours.find((h) => h.learningGoalId === g.id)?.hours ?? 0}
              onEdit={() => setEditing(g.id)}
            />
          ))}
        </ul>
      )}
      <GoalForm key={editing ?? "new"} year={year} goal={editingGoal} onDone={() => setEditing(null)} />
    </Section>
  );
}

function GoalItem(props: { goal: LearningGoal; year: string; hours: number; onEdit: () => void }) {
  const { t } = useTranslation();
  const { goal } = props;
  return (
    <li className="plan-goal">
      <div className="plan-goal__head">
        <strong>{goal.title}</strong>{" "}
        <Badge tone={goal.status === "achieved" ? "success" : goal.status === "active" ? "info" : "neutral"}>
          {t(`learningPlan.status.${goal.status}`)}
        </Badge>{" "}
        <span className="muted">{t("learningPlan.hoursOfGoal", { count: props.hours })}</span>
      </div>
      {goal.why ? <p className="pre-line">{goal.why}</p> : null}
      {goal.goal ? <p className="muted">{t("learningPlan.servesLine", { title: goal.goal.title })}</p> : null}
      <EditRemove
        year={props.year}
        onEdit={props.onEdit}
        remove={() => removeGoal(props.year, goal.id)}
        labels={{
          edit: t("learningPlan.editGoal", { title: goal.title }),
          remove: t("learningPlan.removeGoal", { title: goal.title }),
          confirmTitle: t("learningPlan.removeGoalTitle"),
          confirmBody: t("learningPlan.removeGoalBody"),
        }}
      />
    </li>
  );
}

function GoalForm({ year, goal, onDone }: { year: string; goal: LearningGoal | null; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const saved = usePlanSaved(year);
  const goals = useQuery(goalListQuery({}));
  const [title, setTitle] = useState(goal?.title ?? "");
  const [why, setWhy] = useState(goal?.why ?? "");
  const [status, setStatus] = useState<string>(goal?.status ?? "active");
  const [goalId, setGoalId] = useState(goal?.goal?.id ?? "");
  const form = useFormSubmit({
    schema: goal ? learningGoalUpdateSchema : learningGoalInputSchema,
    send: (input, key) => (goal ? updateGoal(year, goal.id, input) : addGoal(year, input, key)),
    onSuccess: (plan) => {
      saved(plan);
      toast.success(goal ? t("learningPlan.goalSaved") : t("learningPlan.goalAdded"));
      setTitle("");
      setWhy("");
      setStatus("active");
      setGoalId("");
      onDone();
    },
  });
  const id = goal ? `edit-goal-${goal.id}` : "add-goal";
  return (
    <Form
      id={id}
      form={form}
      onSubmit={() => form.submit({ title, why, status, goalId: goalId || null })}
      aria-label={goal ? t("learningPlan.editGoal", { title: goal.title }) : t("learningPlan.addGoal")}
    >
      <h3>{goal ? t("learningPlan.editGoal", { title: goal.title }) : t("learningPlan.addGoal")}</h3>
      <TextField label={t("learningPlan.goalTitle")} name="title" value={title} onChange={setTitle} />
      <TextAreaField
        label={t("learningPlan.goalWhy")}
        name="why"
        value={why}
        onChange={setWhy}
        description={t("learningPlan.goalWhyHint")}
      />
      <SelectField
        label={t("learningPlan.goalStatus")}
        name="status"
        value={status}
        options={learningGoalStatuses.map((s) => ({ value: s, label: t(`learningPlan.status.${s}`) }))}
        onChange={setStatus}
      />
      <SelectField
        label={t("learningPlan.goalServes")}
        name="goalId"
        value={goalId}
        placeholder={t("learningPlan.goalServesNone")}
        options={(goals.data?.items ?? []).map((g) => ({ value: g.id, label: g.title }))}
        onChange={setGoalId}
        description={t("learningPlan.goalServesHint")}
      />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {goal ? t("learningPlan.saveGoal") : t("learningPlan.addGoal")}
        </Button>
        {goal ? (
          <Button variant="secondary" onPress={onDone}>
            {t("learningPlan.cancel")}
          </Button>
        ) : null}
      </FormActions>
    </Form>
  );
}
