import { type ReactNode, useId } from "react";
import { useField } from "./form/form-context.tsx";
import { FieldErrorText } from "./text-field.tsx";
import "./field.css";

export interface SelectOption {
  value: string;
  label: string;
  lang?: string;
}

interface SelectFieldProps {
  label: string;
  name?: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  description?: ReactNode;
  /** Shown first with an empty value ("Choose…"); omit when a value is always chosen. */
  placeholder?: string;
  isDisabled?: boolean;
  id?: string;
  /** Hide the visible label (the accessible name stays). For compact filters in tables. */
  hideLabel?: boolean;
}

/**
 * A single choice from a list. Deliberately the native <select>: the phone's own picker, type-ahead
 * over 400 time zones, and Playwright's selectOption() all work with it out of the box.
 */
export function SelectField(props: SelectFieldProps) {
  const fallbackId = useId();
  const field = useField(props.name, props.id ?? fallbackId);
  const id = props.id ?? field.id;
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const describedBy = [props.description ? descriptionId : null, field.error ? errorId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field" data-invalid={field.error ? true : undefined}>
      <label htmlFor={id} className={props.hideLabel ? "visually-hidden" : "field__label"}>
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
      <select
        id={id}
        name={props.name}
        className="field__select"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        disabled={props.isDisabled}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy || undefined}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
