import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../ui/format.tsx";
import type { ActionItem } from "./api.ts";

/** Today's date (YYYY-MM-DD) where the viewer is: "overdue" means past due for them. */
export function useToday(): string {
  const { timeZone } = useFormat();
  return useMemo(
    () =>
      new Intl.DateTimeFormat("en-CA", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      }).format(new Date()),
    [timeZone],
  );
}

export const isOverdue = (item: Pick<ActionItem, "dueOn" | "status">, today: string) =>
  item.status === "open" && item.dueOn !== null && item.dueOn < today;

/** A calendar date as words ("May 14, 2026"): a due date is a day, not an instant, so no zone shifts it. */
export function DueDate({ dueOn }: { dueOn: string }) {
  const { i18n } = useTranslation();
  const text = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${dueOn}T00:00:00Z`),
  );
  return <time dateTime={dueOn}>{text}</time>;
}
