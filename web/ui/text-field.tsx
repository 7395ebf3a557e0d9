import { type KeyboardEvent, type ReactNode, useId } from "react";
import { FieldError, Input, Label, TextField as RacTextField, Text, TextArea } from "react-aria-components";
import { useField } from "./form/form-context.tsx";
import { WarningIcon } from "./icons.tsx";
import "./field.css";

interface BaseFieldProps {
  label: string;
  /** Field path in the form's schema ("name", "norms.2"): links its error message. */
  name?: string;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  isRequired?: boolean;
  isDisabled?: boolean;
  autoComplete?: string;
  /** Override the id derived from the form and name. */
  id?: string;
  short?: boolean;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}

export interface TextFieldProps extends BaseFieldProps {
  type?: "text" | "email" | "password" | "search" | "url" | "tel";
  inputMode?: "text" | "email" | "search" | "url" | "tel" | "numeric";
  autoFocus?: boolean;
}

export function FieldErrorText({ children }: { children: ReactNode }) {
  return (
    <>
      <WarningIcon />
      <span>{children}</span>
    </>
  );
}

/** A labelled single-line text input (React Aria TextField), with description and error. */
export function TextField(props: TextFieldProps) {
  const fallbackId = useId();
  const field = useField(props.name, props.id ?? fallbackId);
  const id = props.id ?? field.id;
  return (
    <RacTextField
      id={id}
      className="field"
      name={props.name}
      value={props.value}
      onChange={props.onChange}
      type={props.type ?? "text"}
      inputMode={props.inputMode}
      autoComplete={props.autoComplete}
      isRequired={props.isRequired}
      isDisabled={props.isDisabled}
      isInvalid={field.error !== undefined}
      validationBehavior="aria"
      autoFocus={props.autoFocus}
    >
      <Label className="field__label">{props.label}</Label>
      {props.description ? (
        <Text slot="description" className="field__description">
          {props.description}
        </Text>
      ) : null}
      <FieldError className="field__error">
        <FieldErrorText>{field.error}</FieldErrorText>
      </FieldError>
      <Input
        className={props.short ? "field__input field__input--short" : "field__input"}
        onKeyDown={props.onKeyDown}
      />
    </RacTextField>
  );
}

export interface TextAreaFieldProps extends Omit<BaseFieldProps, "onKeyDown"> {
  rows?: number;
}

/** A labelled multi-line text input. */
export function TextAreaField(props: TextAreaFieldProps) {
  const fallbackId = useId();
  const field = useField(props.name, props.id ?? fallbackId);
  const id = props.id ?? field.id;
  return (
    <RacTextField
      id={id}
      className="field"
      name={props.name}
      value={props.value}
      onChange={props.onChange}
      isRequired={props.isRequired}
      isDisabled={props.isDisabled}
      isInvalid={field.error !== undefined}
      validationBehavior="aria"
    >
      <Label className="field__label">{props.label}</Label>
      {props.description ? (
        <Text slot="description" className="field__description">
          {props.description}
        </Text>
      ) : null}
      <FieldError className="field__error">
        <FieldErrorText>{field.error}</FieldErrorText>
      </FieldError>
      <TextArea className="field__input" rows={props.rows ?? 4} />
    </RacTextField>
  );
}
