import { useId } from "react";
import { useField } from "../../ui/form/form-context.tsx";
import { FieldErrorText } from "../../ui/text-field.tsx";
import "../../ui/field.css";

interface NativeFieldProps {
  label: string;
  name: string;
  type: "date" | "time" | "number";
  value: string;
  onChange: (value: string) => void;
  description?: string;
  isRequired?: boolean;
  min?: number | string;
  max?: number | string;
  id?: string;
}

/**
 * A date, time or number input. Native on purpose: phones show their own date and time pickers, and the
 * value is the ISO text (2026-11-26, 15:30) the API takes. Its error comes from the surrounding form.
 */
export function NativeField(props: NativeFieldProps) {
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
      <label htmlFor={id} className="field__label">
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
        id={id}
        name={props.name}
        type={props.type}
        className="field__input field__input--short"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        required={props.isRequired}
        min={props.min}
        max={props.max}
        inputMode={props.type === "number" ? "numeric" : undefined}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}
