import { type ReactNode, useId } from "react";
import {
  FieldError,
  Label,
  Checkbox as RacCheckbox,
  CheckboxGroup as RacCheckboxGroup,
  Radio,
  RadioGroup,
  Text,
} from "react-aria-components";
import { useField } from "./form/form-context.tsx";
import { CheckIcon } from "./icons.tsx";
import { FieldErrorText } from "./text-field.tsx";
import "./field.css";

export interface ChoiceOption {
  value: string;
  label: string;
  description?: string;
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

/** Several choices from a short list (grade bands, schools): a labelled group of checkboxes. */
export function CheckboxGroupField(props: CheckboxGroupFieldProps) {
  const fallbackId = useId();
  const field = useField(props.name, props.id ?? fallbackId);
  const id = props.id ?? field.id;
  return (
    <RacCheckboxGroup
      id={id}
      className="choice-group"
      value={[...props.value]}
      onChange={props.onChange}
      isInvalid={field.error !== undefined}
      isDisabled={props.isDisabled}
      validationBehavior="aria"
    >
      <Label className="choice-group__legend">{props.label}</Label>
      {props.description ? (
        <Text slot="description" className="field__description">
          {props.description}
        </Text>
      ) : null}
      <FieldError className="field__error">
        <FieldErrorText>{field.error}</FieldErrorText>
      </FieldError>
      <div
        className={
          props.inline ? "choice-group__options choice-group__options--inline" : "choice-group__options"
        }
      >
        {props.options.map((option) => (
          <Checkbox key={option.value} value={option.value} description={option.description}>
            {option.label}
          </Checkbox>
        ))}
      </div>
    </RacCheckboxGroup>
  );
}

interface CheckboxProps {
  value?: string;
  children: ReactNode;
  description?: string | undefined;
  isSelected?: boolean;
  onChange?: (selected: boolean) => void;
}

/** One checkbox; inside a CheckboxGroupField give it a value, alone use isSelected/onChange. */
export function Checkbox({ value, children, description, isSelected, onChange }: CheckboxProps) {
  const descriptionId = useId();
  return (
    <RacCheckbox
      className="choice"
      value={value}
      isSelected={isSelected}
      onChange={onChange}
      aria-describedby={description ? descriptionId : undefined}
    >
      {({ isSelected: selected }) => (
        <>
          <span className="choice__box" aria-hidden="true">
            {selected ? <CheckIcon size={18} /> : null}
          </span>
          <span className="choice__text">
            <span>{children}</span>
            {description ? (
              <span className="choice__hint" id={descriptionId}>
                {description}
              </span>
            ) : null}
          </span>
        </>
      )}
    </RacCheckbox>
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
    <RadioGroup
      id={id}
      className="choice-group"
      value={props.value}
      onChange={props.onChange}
      isInvalid={field.error !== undefined}
      validationBehavior="aria"
    >
      <Label className="choice-group__legend">{props.label}</Label>
      {props.description ? (
        <Text slot="description" className="field__description">
          {props.description}
        </Text>
      ) : null}
      <FieldError className="field__error">
        <FieldErrorText>{field.error}</FieldErrorText>
      </FieldError>
      <div className="choice-group__options">
        {props.options.map((option) => (
          <RadioOption key={option.value} option={option} />
        ))}
      </div>
    </RadioGroup>
  );
}

function RadioOption({ option }: { option: ChoiceOption }) {
  const descriptionId = useId();
  return (
    <Radio
      value={option.value}
      className="choice choice--radio"
      aria-describedby={option.description ? descriptionId : undefined}
    >
      <span className="choice__box" aria-hidden="true" />
      <span className="choice__text">
        <span>{option.label}</span>
        {option.description ? (
          <span className="choice__hint" id={descriptionId}>
            {option.description}
          </span>
        ) : null}
      </span>
    </Radio>
  );
}
