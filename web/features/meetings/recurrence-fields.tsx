import { useTranslation } from "react-i18next";
import {
  monthWeeks,
  type RecurrenceInput,
  type Weekday,
  weekdays,
} from "../../../shared/schemas/meetings.ts";
import { CheckboxGroupField, RadioGroupField } from "../../ui/choice-fields.tsx";
import { NativeField } from "../../ui/native-field.tsx";
import { SelectField } from "../../ui/select-field.tsx";

export type Repeats = "never" | "weekly" | "monthly";

export interface RecurrenceValues {
  repeats: Repeats;
  interval: string;
  weekdays: Weekday[];
  monthWeek: string;
  monthWeekday: Weekday;
  until: string;
}

export const noRecurrence: RecurrenceValues = {
  repeats: "never",
  interval: "1",
  weekdays: [],
  monthWeek: "1",
  monthWeekday: "MO",
  until: "",
};

/** The weekday of a calendar date (YYYY-MM-DD), the same anywhere in the world. */
export function weekdayOfDate(date: string): Weekday {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekdays[(day + 6) % 7] ?? "MO";
}

/** The form's choice → the API's rule (undefined when it does not repeat). */
export function toRecurrence(v: RecurrenceValues): RecurrenceInput | undefined {
  if (v.repeats === "never") return undefined;
  const interval = v.interval === "" ? Number.NaN : Number(v.interval);
  const until = v.until ? { until: v.until } : {};
  if (v.repeats === "weekly") return { frequency: "weekly", interval, weekdays: v.weekdays, ...until };
  return {
    frequency: "monthly",
    interval,
    weekdays: [v.monthWeekday],
    monthWeek: Number(v.monthWeek) as (typeof monthWeeks)[number],
    ...until,
  };
}

interface RecurrenceFieldsProps {
  values: RecurrenceValues;
  /** The first meeting's date: a new weekly or monthly rule starts on its weekday. */
  date: string;
  onChange: (values: RecurrenceValues) => void;
}

/** "Repeats": never, weekly on chosen days every N weeks, or monthly on the nth weekday; until a date. */
export function RecurrenceFields({ values, date, onChange }: RecurrenceFieldsProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<RecurrenceValues>) => onChange({ ...values, ...patch });
  const dayOptions = weekdays.map((d) => ({ value: d, label: t(`recurrence.weekdayNames.${d}`) }));
  const choose = (repeats: string) => {
    const weekday = date ? weekdayOfDate(date) : "MO";
    set({
      repeats: repeats as Repeats,
      weekdays: values.weekdays.length > 0 ? values.weekdays : [weekday],
      monthWeekday: weekday,
    });
  };
  return (
    <div className="form-section">
      <RadioGroupField
        label={t("recurrence.legend")}
        name="recurrence.frequency"
        value={values.repeats}
        onChange={choose}
        options={[
          { value: "never", label: t("recurrence.never") },
          { value: "weekly", label: t("recurrence.weekly") },
          { value: "monthly", label: t("recurrence.monthly") },
        ]}
      />
      {values.repeats === "weekly" ? (
        <>
          <CheckboxGroupField
            label={t("recurrence.weekdays")}
            name="recurrence.weekdays"
            value={values.weekdays}
            onChange={(days) => set({ weekdays: days as Weekday[] })}
            options={dayOptions}
            inline
          />
          <NativeField
            label={t("recurrence.interval")}
            name="recurrence.interval"
            type="number"
            min={1}
            max={52}
            value={values.interval}
            onChange={(interval) => set({ interval })}
            description={t("recurrence.intervalHint")}
          />
        </>
      ) : null}
      {values.repeats === "monthly" ? (
        <div className="meeting-form__when">
          <SelectField
            label={t("recurrence.monthWeek")}
            name="recurrence.monthWeek"
            value={values.monthWeek}
            onChange={(monthWeek) => set({ monthWeek })}
            options={monthWeeks.map((n) => ({ value: String(n), label: t(`recurrence.monthWeeks.${n}`) }))}
          />
          <SelectField
            label={t("recurrence.weekday")}
            name="recurrence.weekdays"
            value={values.monthWeekday}
            onChange={(d) => set({ monthWeekday: d as Weekday })}
            options={dayOptions}
          />
          <NativeField
            label={t("recurrence.intervalMonths")}
            name="recurrence.interval"
            type="number"
            min={1}
            max={52}
            value={values.interval}
            onChange={(interval) => set({ interval })}
            description={t("recurrence.intervalMonthsHint")}
          />
        </div>
      ) : null}
      {values.repeats !== "never" ? (
        <NativeField
          label={t("recurrence.until")}
          name="recurrence.until"
          type="date"
          value={values.until}
          onChange={(until) => set({ until })}
          description={t("recurrence.untilHint")}
        />
      ) : null}
    </div>
  );
}
