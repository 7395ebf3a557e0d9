import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { goalStatuses } from "../../../shared/schemas/goal-enums.ts";
import { goalUpdateSchema } from "../../../shared/schemas/goals.ts";
import { Button } from "../../ui/button.tsx";
import { ModalDialog } from "../../ui/dialog.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Page, Section } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { QueryView } from "../../ui/states.tsx";
import { TextAreaField } from "../../ui/text-field.tsx";
import { GoalGrowthSection } from "../growth/goal-measure-section.tsx";
import { AlignmentSection } from "./alignment-section.tsx";
import { type GoalDetail, goalQuery, updateGoal } from "./api.ts";
import { CheckInsSection } from "./check-ins-section.tsx";
import { draftValues, type GoalDraft, GoalFields } from "./goal-fields.tsx";
import { HistorySection } from "./history-section.tsx";
import { StatusBadge, useCalendarDate, useValueFormat } from "./labels.tsx";
import { ProgressSection } from "./progress-section.tsx";
import { useRefreshGoal } from "./refresh.ts";
import "./goals.css";

/** /goals/$goalId: the SMART summary, status, alignment, progress, check-ins and history. */
export function GoalPage({ goalId }: { goalId: string }) {
  const query = useQuery(goalQuery(goalId));
  return <QueryView query={query}>{(goal) => <GoalView goal={goal} />}</QueryView>;
}

function GoalView({ goal }: { goal: GoalDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const level = t(`goals.levels.${goal.level}`);
  const place = goal.school?.name ?? goal.community?.name;
  return (
    <Page
      title={goal.title}
      eyebrow={place ? t("goals.page.eyebrowPlace", { level, place }) : t("goals.page.eyebrow", { level })}
      actions={
        goal.can.edit ? (
          <Button variant="secondary" onPress={() => setEditing(true)}>
            {t("goals.page.edit")}
          </Button>
        ) : null
      }
    >
      <SmartSummary goal={goal} />
      <StatusSection goal={goal} />
      <AlignmentSection goal={goal} />
      <ProgressSection goal={goal} />
      <GoalGrowthSection goal={goal} />
      <CheckInsSection goal={goal} />
      <HistorySection goalId={goal.id} />
      <ModalDialog title={t("goals.page.editTitle")} isOpen={editing} onOpenChange={setEditing} size="wide">
        <EditGoalForm goal={goal} onDone={() => setEditing(false)} />
      </ModalDialog>
    </Page>
  );
}

function SmartSummary({ goal }: { goal: GoalDetail }) {
  const { t } = useTranslation();
  const value = useValueFormat();
  const date = useCalendarDate();
  const reference = goal.unit === null;
  return (
    <Section title={t("goals.page.smart")} id="goal-summary">
      <dl className="goal-summary">
        {reference ? null : (
          <>
            <dt>{t("goals.page.improvement")}</dt>
            <dd>{goal.improvement}</dd>
            <dt>{t("goals.page.population")}</dt>
            <dd>{goal.population}</dd>
            <dt>{t("goals.page.measure")}</dt>
            <dd>{goal.measure}</dd>
            <dt>{t("goals.page.baselineTarget")}</dt>
            <dd>
              {t("goals.page.baselineToTarget", {
                baseline: value(goal.baseline, goal.unit),
                target: value(goal.target, goal.unit),
              })}
            </dd>
            <dt>{t("goals.page.dates")}</dt>
            <dd>
              {goal.startsOn && goal.deadline
                ? t("goals.page.datesValue", { start: date(goal.startsOn), end: date(goal.deadline) })
                : "—"}
            </dd>
            <dt>{t("goals.page.owner")}</dt>
            <dd>{goal.owner?.name ?? t("goals.page.noOwner")}</dd>
          </>
        )}
        {goal.source || goal.sourceUrl ? (
          <>
            <dt>{t("goals.page.source")}</dt>
            <dd>
              {goal.source}{" "}
              {goal.sourceUrl ? (
                <a href={goal.sourceUrl} rel="noopener noreferrer" target="_blank">
                  {t("goals.page.sourceLink")}
                </a>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
    </Section>
  );
}

function StatusSection({ goal }: { goal: GoalDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<string>(goal.status);
  const [reason, setReason] = useState("");
  const refresh = useRefreshGoal(goal.id);
  const form = useFormSubmit({
    schema: goalUpdateSchema,
    send: (data) => updateGoal(goal.id, data),
    onSuccess: () => {
      setOpen(false);
      setReason("");
      refresh();
    },
  });
  return (
    <Section title={t("goals.page.status")} id="goal-status">
      <p className="cluster">
        <StatusBadge status={goal.status} />
        {goal.statusReason ? (
          <span>{t("goals.page.statusReason", { reason: goal.statusReason })}</span>
        ) : null}
      </p>
      {goal.can.edit && !open ? (
        <div className="cluster">
          <Button variant="secondary" onPress={() => setOpen(true)}>
            {t("goals.page.changeStatus")}
          </Button>
        </div>
      ) : null}
      {open ? (
        <Form
          id="goal-status-form"
          form={form}
          onSubmit={() => form.submit({ version: goal.version, status, reason })}
          className="form"
        >
          <SelectField
            label={t("goals.page.newStatus")}
            name="status"
            value={status}
            onChange={setStatus}
            options={goalStatuses.map((s) => ({ value: s, label: t(`goals.statuses.${s}`) }))}
          />
          <TextAreaField
            label={t("goals.page.reason")}
            name="reason"
            value={reason}
            onChange={setReason}
            description={t("goals.page.reasonHint")}
          />
          <FormActions>
            <Button type="submit" variant="primary" isPending={form.isPending}>
              {t("goals.page.saveStatus")}
            </Button>
            <Button variant="quiet" onPress={() => setOpen(false)}>
              {t("goals.form.cancel")}
            </Button>
          </FormActions>
        </Form>
      ) : null}
    </Section>
  );
}

const draftOf = (goal: GoalDetail): GoalDraft => ({
  title: goal.title,
  improvement: goal.improvement,
  population: goal.population,
  measure: goal.measure,
  unit: goal.unit ?? "",
  baseline: goal.baseline === null ? "" : String(goal.baseline),
  target: goal.target === null ? "" : String(goal.target),
  startsOn: goal.startsOn ?? "",
  deadline: goal.deadline ?? "",
  status: goal.status,
  source: goal.source,
  sourceUrl: goal.sourceUrl,
  ownerId: goal.owner?.id ?? "",
});

/** Edits the SMART fields at the version the editor opened (a newer change elsewhere answers 409). */
function EditGoalForm({ goal, onDone }: { goal: GoalDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [version] = useState(goal.version);
  const [draft, setDraft] = useState(() => draftOf(goal));
  const refresh = useRefreshGoal(goal.id);
  const form = useFormSubmit({
    schema: goalUpdateSchema,
    send: (data) => updateGoal(goal.id, data),
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
  const reference = goal.unit === null && (goal.level === "national" || goal.level === "state");
  return (
    <Form
      id="edit-goal"
      form={form}
      onSubmit={() => form.submit({ version, ...draftValues(draft, reference) })}
      className="form"
    >
      <GoalFields level={goal.level} draft={draft} onChange={setDraft} withStatus={false} />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("goals.form.save")}
        </Button>
        <Button variant="quiet" onPress={onDone}>
          {t("goals.form.cancel")}
        </Button>
      </FormActions>
    </Form>
  );
}
