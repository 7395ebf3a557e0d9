import { type ReactNode, useId } from "react";
import { useField } from "./form/form-context.tsx";
import { FieldErrorText } from "./text-field.tsx";
import "./field.css";

/*
 * Checkboxes and radios are native <input>s inside their <label>, grouped by <fieldset>/<legend>.
 * (React Aria's versions hide the input visually, which makes Playwright's check() and some
 * switch-access tools hit the label instead; native inputs have no such gap.)
 */

export interface ChoiceOption {
  value: string;
  label: string;
  description?: string;
}

interface GroupFrameProps {
  id: string;
  label: string;
  description?: ReactNode;
  error: string | undefined;
  role?: "radiogroup";
  children: ReactNode;
}

function GroupFrame({ id, label, description, error, role, children }: GroupFrameProps) {
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <fieldset
      id={id}
      className="fieldset choice-group"
      role={role}
      aria-describedby={describedBy || undefined}
      aria-invalid={role && error ? true : undefined}
      data-invalid={error ? true : undefined}
    >
      <legend className="choice-group__legend">{label}</legend>
      {description ? (
        <span id={descriptionId} className="field__description">
          {description}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field__error">
          <FieldErrorText>{error}</FieldErrorText>
        </span>
      ) : null}
      {children}
    </fieldset>
  );
}

interface ChoiceProps {
  type: "checkbox" | "radio";
  name: string;
  option: ChoiceOption;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean | undefined;
}

function Choice({ type, name, option, checked, onChange, disabled }: ChoiceProps) {
  const hintId = useId();
  return (
    <label className={type === "radio" ? "choice choice--radio" : "choice"}>
      <input
        type={type}
        className="choice__input"
        name={name}
        value={option.value}
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={option.description ? hintId : undefined}
      />
      <span className="choice__text">
        <span>{option.label}</span>
        {option.description ? (
          <span className="choice__hint" id={hintId}>
            {option.description}
          </span>
        ) : null}
      </span>
    </label>
  );
}

interface CheckboxGroupFieldProps {
  label: string;
  name?: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  options: readonly ChoiceOption[];
  description?: ReactNode;
  inline?: boolean;
  isDisabled?: boolean;
  id?: string;
}

/** Several choices from a short list (grade bands, schools): a fieldset of checkboxes. */
export function CheckboxGroupField(props: CheckboxGroupFieldProps) {
  const fallbackId = useId();
  const field = useField(props.name, props.id ?? fallbackId);
  const id = props.id ?? field.id;
  const toggle = (value: string, checked: boolean) => {
    const rest = props.value.filter((v) => v !== value);
    // Keep the options' order, whatever order they were ticked in.
    const next = checked ? [...rest, value] : rest;
    const order = props.options.map((o) => o.value);
    props.onChange(next.sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  };
  return (
    <GroupFrame id={id} label={props.label} description={props.description} error={field.error}>
      <div
        className={
          props.inline ? "choice-group__options choice-group__options--inline" : "choice-group__options"
        }
      >
        {props.options.map((option) => (
          <Choice
            key={option.value}
            type="checkbox"
            name={props.name ?? id}
            option={option}
            checked={props.value.includes(option.value)}
            onChange={(checked) => toggle(option.value, checked)}
            disabled={props.isDisabled}
          />
        ))}
      </div>
    </GroupFrame>
  );
}

interface RadioGroupFieldProps {
  label: string;
  name?: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly ChoiceOption[];
  description?: ReactNode;
  id?: string;
}

/** One choice from two to five options, each with an explaining sentence. */
export function RadioGroupField(props: RadioGroupFieldProps) {
  const fallbackId = useId();
  const field = useField(props.name, props.id ?? fallbackId);
  const id = props.id ?? field.id;
  return (
    <GroupFrame
      id={id}
      label={props.label}
      description={props.description}
      error={field.error}
      role="radiogroup"
    >
      <div className="choice-group__options">
        {props.options.map((option) => (
          <Choice
            key={option.value}
            type="radio"
            name={props.name ?? id}
            option={option}
            checked={props.value === option.value}
            onChange={(checked) => {
              if (checked) props.onChange(option.value);
            }}
          />
        ))}
      </div>
    </GroupFrame>
  );
}
