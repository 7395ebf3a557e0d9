import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { GoalDetail } from "../../../shared/schemas/goals.ts";
import { growthMeasureInputSchema } from "../../../shared/schemas/growth.ts";
import { Button } from "../../ui/button.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Section } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { QueryView } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { teamAssessmentsQuery } from "../groups/api.ts";
import {
  type GrowthMeasure,
  growthMeasureKey,
  growthMeasureQuery,
  refreshGrowthMeasure,
  removeGrowthMeasure,
  setGrowthMeasure,
} from "./api.ts";
import { GrowthFigure } from "./growth-figure.tsx";
import "./growth.css";

/*
 * "Measured by student data" on a goal's page: the growth between two of the team's assessments as the
 * goal's measure. Setting it writes the goal's import measurements (the progress chart shows them).
 */
export function GoalGrowthSection({ goal }: { goal: GoalDetail }) {
  const { t } = useTranslation();
  const query = useQuery(growthMeasureQuery(goal.id));
  if (!goal.community) return null;
  return (
    <Section title={t("growth.goal.title")} id="growth-measure">
      <QueryView query={query} loadingLabel={t("growth.loading")}>
        {(m) => <MeasureView goal={goal} communityId={goal.community?.id ?? ""} measure={m} />}
      </QueryView>
    </Section>
  );
}

function useRefresh(goalId: string) {
  const queryClient = useQueryClient();
  return (next?: GrowthMeasure) => {
    if (next) queryClient.setQueryData(growthMeasureKey(goalId), next);
    else void queryClient.invalidateQueries({ queryKey: growthMeasureKey(goalId) });
    void queryClient.invalidateQueries({ queryKey: ["goals", "one", goalId] });
    void queryClient.invalidateQueries({ queryKey: ["goals", "history", goalId] });
  };
}

function MeasureView(props: { goal: GoalDetail; communityId: string; measure: GrowthMeasure }) {
  const { goal, communityId, measure: m } = props;
  const { t } = useTranslation();
  const refresh = useRefresh(goal.id);
  const toast = useToast();
  const [changing, setChanging] = useState(false);
  const recompute = useMutation({
    mutationFn: () => refreshGrowthMeasure(goal.id),
    onSuccess: (next) => {
      refresh(next);
      toast.success(t("growth.goal.refreshed"));
    },
  });
  const remove = useMutation({
    mutationFn: () => removeGrowthMeasure(goal.id),
    onSuccess: () => {
      refresh();
      toast.success(t("growth.goal.removed"));
    },
  });
  const error = recompute.error ?? remove.error;
  return (
    <div className="stack">
      <p>{m.measure ? t("growth.goal.measured") : t("growth.goal.notMeasured")}</p>
      {m.measure?.growth ? <GrowthFigure growth={m.measure.growth} /> : null}
      {m.measure && !m.measure.growth ? <p>{t("growth.goal.hidden")}</p> : null}
      {error ? (
        <p className="inline-error" role="alert">
          {describeError(error, t)}
        </p>
      ) : null}
      {m.can.edit && (changing || !m.measure) ? (
        <MeasureForm
          goalId={goal.id}
          communityId={communityId}
          measure={m}
          onDone={() => setChanging(false)}
        />
      ) : null}
      {m.can.edit && m.measure && !changing ? (
        <div className="cluster growth-measure__actions">
          <Button onPress={() => setChanging(true)}>{t("growth.goal.change")}</Button>
          <Button isPending={recompute.isPending} onPress={() => recompute.mutate()}>
            {t("growth.goal.refresh")}
          </Button>
          <Button variant="danger" isPending={remove.isPending} onPress={() => remove.mutate()}>
            {t("growth.goal.remove")}
          </Button>
        </div>
      ) : null}
      {!m.can.edit && goal.unit !== "percent" && goal.can.edit ? <p>{t("growth.goal.percentOnly")}</p> : null}
    </div>
  );
}

function MeasureForm(props: {
  goalId: string;
  communityId: string;
  measure: GrowthMeasure;
  onDone: () => void;
}) {
  const { goalId, communityId, measure: m, onDone } = props;
  const { t } = useTranslation();
  const refresh = useRefresh(goalId);
  const toast = useToast();
  const list = useQuery(teamAssessmentsQuery(communityId));
  const [before, setBefore] = useState(m.measure?.beforeAssessmentId ?? "");
  const [after, setAfter] = useState(m.measure?.afterAssessmentId ?? "");
  const [standard, setStandard] = useState(m.measure?.standard ?? "");
  const items = list.data?.items ?? [];
  const options = items.map((x) => ({ value: x.id, label: x.title }));
  const standards = [
    ...new Set(items.filter((x) => x.id === before || x.id === after).flatMap((x) => x.standards)),
  ].map((s) => ({ value: s, label: s }));
  const form = useFormSubmit({
    schema: growthMeasureInputSchema,
    send: (input) => setGrowthMeasure(goalId, input),
    onSuccess: (next) => {
      refresh(next);
      toast.success(t("growth.goal.saved"));
      onDone();
    },
  });
  return (
    <Form
      id="goal-growth-measure"
      form={form}
      onSubmit={() => form.submit({ beforeAssessmentId: before, afterAssessmentId: after, standard })}
      className="form"
    >
      <SelectField
        label={t("growth.goal.before")}
        name="beforeAssessmentId"
        value={before}
        placeholder={t("growth.chooseBefore")}
        options={options}
        onChange={setBefore}
      />
      <SelectField
        label={t("growth.goal.after")}
        name="afterAssessmentId"
        value={after}
        placeholder={t("growth.goal.chooseAfter")}
        options={options}
        onChange={setAfter}
      />
      <SelectField
        label={t("growth.standardLabel")}
        name="standard"
        value={standard}
        placeholder={t("growth.everyStandard")}
        options={standards}
        onChange={setStandard}
      />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("growth.goal.save")}
        </Button>
      </FormActions>
    </Form>
  );
}
