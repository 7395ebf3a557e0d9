import { useTranslation } from "react-i18next";
import type { GoalStatus, GoalUnit } from "../../../shared/schemas/goal-enums.ts";
import { Badge } from "../../ui/states.tsx";

const tones: Record<GoalStatus, "neutral" | "success" | "warning" | "danger" | "info"> = {
  not_started: "neutral",
  on_track: "info",
  at_risk: "warning",
  off_track: "danger",
  met: "success",
  not_met: "danger",
  retired: "neutral",
};

/** The status as a word in a badge (the colour only repeats what the word says). */
export function StatusBadge({ status }: { status: GoalStatus }) {
  const { t } = useTranslation();
  return <Badge tone={tones[status]}>{t(`goals.statuses.${status}`)}</Badge>;
}

/** A value in its unit ("45%", "12 days"), numbers in the person's language. */
export function useValueFormat() {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  return (value: number | null, unit: GoalUnit | null) =>
    value === null
      ? "—"
      : unit
        ? t(`goals.unitSuffix.${unit}`, { value: number.format(value) })
        : number.format(value);
}

/** A calendar date as words: a deadline is a day, not an instant, so no time zone shifts it. */
export function useCalendarDate() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" });
  return (day: string) => format.format(new Date(`${day}T00:00:00Z`));
}

export function CalendarDate({ day }: { day: string }) {
  const text = useCalendarDate()(day);
  return <time dateTime={day}>{text}</time>;
}
