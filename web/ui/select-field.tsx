import { type ReactNode, useId } from "react";
import { describedBy, FieldFrame } from "./field-frame.tsx";
import { useField } from "./form/form-context.tsx";

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
  return (
    <FieldFrame
      id={id}
      label={props.label}
      description={props.description}
      error={field.error}
      hideLabel={props.hideLabel}
    >
      <select
        id={id}
        name={props.name}
        className="field__select"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        disabled={props.isDisabled}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(props.description), field.error)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
