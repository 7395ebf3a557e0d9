import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { goalUnits } from "../../../shared/schemas/goal-enums.ts";
import { measurementInputSchema } from "../../../shared/schemas/goals.ts";
import { Button } from "../../ui/button.tsx";
import { ConfirmDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { NativeField } from "../../ui/native-field.tsx";
import { Section } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { EmptyState } from "../../ui/states.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useToday } from "../action-items/due-date.tsx";
import { addMeasurement, type GoalDetail, type Measurement, removeMeasurement } from "./api.ts";
import { useCalendarDate, useValueFormat } from "./labels.tsx";
import { ProgressChart } from "./progress-chart.tsx";
import { useProgressText } from "./progress-line.tsx";
import { useRefreshGoal } from "./refresh.ts";

/** Progress: a chart with its text summary and table alternative, and the form to add a measurement. */
export function ProgressSection({ goal }: { goal: GoalDetail }) {
  const { t } = useTranslation();
  const [table, setTable] = useState(false);
  const summary = useProgressText()(goal);
  if (goal.unit === null)
    return (
      <Section title={t("goals.progress.title")} id="goal-progress">
        <p>{t("goals.progress.notMeasured")}</p>
      </Section>
    );
  return (
    <Section title={t("goals.progress.title")} id="goal-progress">
      {goal.measurements.length === 0 ? (
        <EmptyState title={t("goals.progress.none")}>
          <p>{summary}</p>
          {goal.can.recordProgress ? <p>{t("goals.progress.noneHint")}</p> : null}
        </EmptyState>
      ) : (
        <>
          <figure className="goal-figure">
            <ProgressChart goal={goal} />
            <figcaption>{summary}</figcaption>
          </figure>
          <div className="cluster">
            <Button variant="secondary" onPress={() => setTable(!table)} aria-expanded={table}>
              {table ? t("goals.progress.hideTable") : t("goals.progress.showTable")}
            </Button>
          </div>
          {table ? <MeasurementTable goal={goal} /> : null}
        </>
      )}
      {goal.can.recordProgress ? <AddMeasurementForm goal={goal} /> : null}
    </Section>
  );
}

function MeasurementTable({ goal }: { goal: GoalDetail }) {
  const { t } = useTranslation();
  const value = useValueFormat();
  const date = useCalendarDate();
  const [removing, setRemoving] = useState<Measurement | null>(null);
  return (
    <>
      <table className="goal-table">
        <caption>{t("goals.progress.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("goals.progress.date")}</th>
            <th scope="col">{t("goals.progress.value")}</th>
            <th scope="col">{t("goals.progress.note")}</th>
            <th scope="col">{t("goals.progress.by")}</th>
            {goal.can.edit ? <td /> : null}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{goal.startsOn ? date(goal.startsOn) : "—"}</th>
            <td>{value(goal.baseline, goal.unit)}</td>
            <td>{t("goals.progress.baselineMark")}</td>
            <td />
            {goal.can.edit ? <td /> : null}
          </tr>
          {goal.measurements.map((m) => (
            <tr key={m.id}>
              <th scope="row">{date(m.measuredOn)}</th>
              <td>{value(m.value, m.unit)}</td>
              <td>{m.note}</td>
              <td>{m.createdBy.name}</td>
              {goal.can.edit ? (
                <td>
                  <Button variant="quiet" onPress={() => setRemoving(m)}>
                    {t("goals.progress.remove", { date: date(m.measuredOn) })}
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
          <tr>
            <th scope="row">{goal.deadline ? date(goal.deadline) : "—"}</th>
            <td>{value(goal.target, goal.unit)}</td>
            <td>{t("goals.progress.targetMark")}</td>
            <td />
            {goal.can.edit ? <td /> : null}
          </tr>
        </tbody>
      </table>
      {removing ? (
        <RemoveMeasurement goal={goal} measurement={removing} onClose={() => setRemoving(null)} />
      ) : null}
    </>
  );
}

function RemoveMeasurement(props: { goal: GoalDetail; measurement: Measurement; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const refresh = useRefreshGoal(props.goal.id);
  const date = useCalendarDate()(props.measurement.measuredOn);
  const value = useValueFormat()(props.measurement.value, props.measurement.unit);
  const mutation = useMutation({
    mutationFn: () => removeMeasurement(props.goal.id, props.measurement.id),
    onSuccess: () => {
      toast.success(t("goals.progress.removed"));
      refresh();
      props.onClose();
    },
  });
  return (
    <ConfirmDialog
      title={t("goals.progress.remove", { date })}
      isOpen
      onOpenChange={(open) => (open ? null : props.onClose())}
      confirmLabel={t("goals.progress.removeAction")}
      onConfirm={() => mutation.mutate()}
      isPending={mutation.isPending}
      destructive
      error={mutation.error ? describeError(mutation.error, t) : null}
    >
      <p>{t("goals.progress.removeConfirm", { date, value })}</p>
    </ConfirmDialog>
  );
}

function AddMeasurementForm({ goal }: { goal: GoalDetail }) {
  const { t } = useTranslation();
  const today = useToday();
  const refresh = useRefreshGoal(goal.id);
  const [value, setValue] = useState("");
  const [unit, setUnit] = useState<string>(goal.unit ?? "");
  const [measuredOn, setMeasuredOn] = useState(today);
  const [note, setNote] = useState("");
  const form = useFormSubmit({
    schema: measurementInputSchema,
    send: (data, key) => addMeasurement(goal.id, data, key),
    onSuccess: () => {
      setValue("");
      setNote("");
      refresh();
    },
  });
  const number = value.trim() === "" ? undefined : Number(value);
  return (
    <Form
      id="goal-measurement"
      form={form}
      onSubmit={() => form.submit({ value: number, unit, measuredOn, note })}
      className="form"
      aria-label={t("goals.progress.addTitle")}
    >
      <h3>{t("goals.progress.addTitle")}</h3>
      <NativeField
        type="number"
        label={t("goals.progress.valueLabel")}
        name="value"
        value={value}
        onChange={setValue}
      />
      <SelectField
        label={t("goals.progress.unitLabel")}
        name="unit"
        value={unit}
        onChange={setUnit}
        options={goalUnits.map((u) => ({ value: u, label: t(`goals.units.${u}`) }))}
      />
      <NativeField
        type="date"
        label={t("goals.progress.measuredOn")}
        name="measuredOn"
        value={measuredOn}
        onChange={setMeasuredOn}
        max={today}
      />
      <TextField
        label={t("goals.progress.measurementNote")}
        name="note"
        value={note}
        onChange={setNote}
        description={t("goals.progress.optional")}
      />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("goals.progress.save")}
        </Button>
      </FormActions>
    </Form>
  );
}
