import { type ReactNode, useId } from "react";
import { describedBy, FieldFrame } from "./field-frame.tsx";
import { useField } from "./form/form-context.tsx";

interface NativeFieldProps {
  label: string;
  name: string;
  type: "date" | "time" | "number";
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
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
  return (
    <FieldFrame id={id} label={props.label} description={props.description} error={field.error}>
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
        aria-describedby={describedBy(id, Boolean(props.description), field.error)}
      />
    </FieldFrame>
  );
}
