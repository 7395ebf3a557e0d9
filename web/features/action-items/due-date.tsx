import { type ReactNode, useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import "../../ui/field.css";
import { useField } from "../../ui/form/form-context.tsx";
import { useFormat } from "../../ui/format.tsx";
import { FieldErrorText } from "../../ui/text-field.tsx";
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

interface DateFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
}

/** A native date input (the phone's own date picker), labelled, with its error under the label. */
export function DateField(props: DateFieldProps) {
  const fallbackId = useId();
  const field = useField(props.name, fallbackId);
  const descriptionId = `${field.id}-description`;
  const errorId = `${field.id}-error`;
  const describedBy = [props.description ? descriptionId : null, field.error ? errorId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field" data-invalid={field.error ? true : undefined}>
      <label htmlFor={field.id} className="field__label">
        {props.label}
      </label>
      {props.description ? (
        <span id={descriptionId} className="field__description">
          {props.description}
        </span>
      ) : null}
      {field.error ? (
        <span id={errorId} className="field__error">
          <FieldErrorText>{field.error}</FieldErrorText>
        </span>
      ) : null}
      <input
        id={field.id}
        name={props.name}
        type="date"
        className="field__input field__input--short"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}
