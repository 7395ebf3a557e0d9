import { useTranslation } from "react-i18next";

/** A calendar date (a plan's start, a measurement's day) as words: a day, not an instant, so no zone shifts it. */
export function CalendarDate({ date }: { date: string }) {
  const { i18n } = useTranslation();
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return <>{date}</>;
  const text = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" }).format(
    parsed,
  );
  return <time dateTime={date}>{text}</time>;
}
