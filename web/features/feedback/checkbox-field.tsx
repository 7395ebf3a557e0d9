import { useId } from "react";
import { useField } from "../../ui/form/form-context.tsx";
import { FieldErrorText } from "../../ui/text-field.tsx";
import "../../ui/field.css";

interface CheckboxFieldProps {
  label: string;
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: string;
}

/** One native checkbox with its hint and its error next to it (the form's error summary links here). */
export function CheckboxField({ label, name, checked, onChange, description }: CheckboxFieldProps) {
  const fallbackId = useId();
  const field = useField(name, fallbackId);
  const hintId = `${field.id}-description`;
  const errorId = `${field.id}-error`;
  const describedBy = [description ? hintId : null, field.error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className="field" data-invalid={field.error ? true : undefined}>
      {field.error ? (
        <span id={errorId} className="field__error">
          <FieldErrorText>{field.error}</FieldErrorText>
        </span>
      ) : null}
      <label className="choice">
        <input
          id={field.id}
          type="checkbox"
          className="choice__input"
          name={name}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={describedBy || undefined}
          aria-invalid={field.error ? true : undefined}
        />
        <span className="choice__text">
          <span>{label}</span>
          {description ? (
            <span className="choice__hint" id={hintId}>
              {description}
            </span>
          ) : null}
        </span>
      </label>
    </div>
  );
}
