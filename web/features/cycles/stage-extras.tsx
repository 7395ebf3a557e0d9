import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { decisionInputSchema } from "../../../shared/schemas/cycles.ts";
import { cycleDecisions } from "../../../shared/schemas/goal-enums.ts";
import { Button } from "../../ui/button.tsx";
import { RadioGroupField } from "../../ui/choice-fields.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { useFormat } from "../../ui/format.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { Notice } from "../../ui/states.tsx";
import { TextAreaField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { type Cycle, decide, rememberCycle, updateCycle } from "./api.ts";
import { CalendarDate } from "./calendar-date.tsx";
import { StartCycleButton } from "./start-cycle.tsx";

const goalHref = (id: string) => `/goals/${encodeURIComponent(id)}`;
const newGoalHref = (communityId: string) =>
  `/goals/new?level=community&communityId=${encodeURIComponent(communityId)}`;

const goalPickSchema = z.object({ version: z.number(), goalId: z.string().nullable() });

/** Stage 2: the goal the cycle works towards — one of the community's goals, or a link to create one. */
export function GoalPicker({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [goalId, setGoalId] = useState(cycle.goal?.id ?? "");
  const form = useFormSubmit({
    schema: goalPickSchema,
    send: (data) => updateCycle(cycle.id, data),
    onSuccess: (saved) => {
      rememberCycle(queryClient, saved);
      toast.success(t("cycles.goal.saved"));
    },
  });
  const createLink = <a href={newGoalHref(cycle.communityId)}>{t("cycles.goal.create")}</a>;
  if (!cycle.can.edit)
    return (
      <p>
        {t("cycles.goal.current")}
        {cycle.goal ? <a href={goalHref(cycle.goal.id)}>{cycle.goal.title}</a> : t("cycles.goal.none")}
      </p>
    );
  return (
    <Form
      id="cycle-goal"
      form={form}
      onSubmit={() => form.submit({ version: cycle.version, goalId: goalId || null })}
    >
      {cycle.goalOptions.length === 0 ? (
        <p>
          {t("cycles.goal.noGoals")} {createLink}
        </p>
      ) : (
        <>
          <SelectField
            label={t("cycles.goal.label")}
            name="goalId"
            value={goalId}
            onChange={setGoalId}
            placeholder={t("cycles.goal.none")}
            options={cycle.goalOptions.map((g) => ({ value: g.id, label: g.title }))}
          />
          <FormActions>
            <Button type="submit" variant="secondary" isPending={form.isPending}>
              {t("cycles.goal.pick")}
            </Button>
            {createLink}
          </FormActions>
        </>
      )}
    </Form>
  );
}

/** Stage 6: the goal's baseline, target and latest measurement, and how far it has come. */
export function ResultSummary({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const format = useFormat();
  const goal = cycle.goal;
  if (!goal) return <p>{t("cycles.result.noGoal")}</p>;
  const show = (v: number | null) => (v === null ? "—" : format.number(v));
  return (
    <section aria-labelledby="cycle-result-heading" className="cycle-result">
      <h3 id="cycle-result-heading">{t("cycles.result.title")}</h3>
      <p>
        <a href={goalHref(goal.id)}>{goal.title}</a>
      </p>
      <dl className="cycle-fields cycle-fields--inline">
        <div>
          <dt>{t("cycles.result.baseline")}</dt>
          <dd>{show(goal.baseline)}</dd>
        </div>
        <div>
          <dt>{t("cycles.result.target")}</dt>
          <dd>{show(goal.target)}</dd>
        </div>
        <div>
          <dt>{t("cycles.result.latest")}</dt>
          <dd>
            {goal.latest ? (
              <>
                {show(goal.latest.value)}, <CalendarDate date={goal.latest.measuredOn} />
              </>
            ) : (
              "—"
            )}
          </dd>
        </div>
        <div>
          <dt>{t("cycles.result.progress")}</dt>
          <dd>
            {goal.progress === null
              ? t("cycles.result.noMeasurement")
              : t("cycles.result.progressValue", { percent: format.number(Math.round(goal.progress * 100)) })}
          </dd>
        </div>
      </dl>
    </section>
  );
}

const decisionFormSchema = decisionInputSchema.extend({ version: z.number() });

/** Stage 7: adopt, adapt or abandon, why, and what the next cycle takes on; then "Start the next cycle". */
export function DecisionPanel({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState("");
  const [note, setNote] = useState("");
  const [nextFocus, setNextFocus] = useState("");
  const form = useFormSubmit({
    schema: decisionFormSchema,
    send: (data) => decide(cycle.id, data),
    onSuccess: (saved) => {
      rememberCycle(queryClient, saved);
      toast.success(t("cycles.decide.saved"));
    },
  });
  if (cycle.decision)
    return (
      <section aria-labelledby="cycle-decision-heading">
        <h3 id="cycle-decision-heading">{t("cycles.decide.title")}</h3>
        <Notice role="status">
          <p>{t("cycles.decide.decided", { decision: t(`cycles.decision.${cycle.decision}`) })}</p>
        </Notice>
        <dl className="cycle-fields">
          <DecisionNotes cycle={cycle} />
        </dl>
        {cycle.can.startNext ? (
          <StartCycleButton communityId={cycle.communityId} previous={cycle} variant="primary" />
        ) : null}
      </section>
    );
  if (!cycle.can.decide) return null;
  return (
    <Form
      id="cycle-decision"
      form={form}
      onSubmit={() => form.submit({ version: cycle.version, decision, note, nextFocus })}
    >
      <RadioGroupField
        label={t("cycles.decide.label")}
        name="decision"
        value={decision}
        onChange={setDecision}
        options={cycleDecisions.map((d) => ({
          value: d,
          label: t(`cycles.decision.${d}`),
          description: t(`cycles.decisionHint.${d}`),
        }))}
      />
      <TextAreaField label={t("cycles.decide.note")} name="note" value={note} onChange={setNote} rows={3} />
      <TextAreaField
        label={t("cycles.decide.nextFocus")}
        name="nextFocus"
        value={nextFocus}
        onChange={setNextFocus}
        rows={3}
      />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("cycles.decide.save")}
        </Button>
      </FormActions>
    </Form>
  );
}

/** Why the team decided as it did and what the next cycle takes on (inside a <dl>); the page and the report. */
export function DecisionNotes({ cycle }: { cycle: Pick<Cycle, "decisionNote" | "nextFocus"> }) {
  const { t } = useTranslation();
  return (
    <>
      {cycle.decisionNote ? (
        <div>
          <dt>{t("cycles.decide.note")}</dt>
          <dd className="pre-line">{cycle.decisionNote}</dd>
        </div>
      ) : null}
      {cycle.nextFocus ? (
        <div>
          <dt>{t("cycles.decide.nextFocus")}</dt>
          <dd className="pre-line">{cycle.nextFocus}</dd>
        </div>
      ) : null}
    </>
  );
}
