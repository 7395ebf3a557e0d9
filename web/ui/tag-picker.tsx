import { type KeyboardEvent, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./button.tsx";
import { describedBy, FieldFrame } from "./field-frame.tsx";
import { useField } from "./form/form-context.tsx";
import { CloseIcon } from "./icons.tsx";
import "./tag-picker.css";

interface TagPickerProps {
  /** The field's label, e.g. "Subjects". The text input carries this name. */
  label: string;
  /** Singular noun for the add button: "Add subject". */
  addLabel: string;
  name?: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  description?: ReactNode;
  /** Words offered as you type (a datalist). */
  suggestions?: readonly string[];
  max?: number;
}

/**
 * Free-text tags (subjects, topics, interests): type, press Enter or "Add"; each chosen tag has its own
 * remove button. Text typed but not yet added is added when the input loses focus, so nothing is lost.
 */
export function TagPicker(props: TagPickerProps) {
  const { t } = useTranslation();
  const fallbackId = useId();
  const field = useField(props.name, fallbackId);
  const [draft, setDraft] = useState("");
  const listId = `${field.id}-chosen`;
  const datalistId = `${field.id}-suggestions`;
  const [announcement, setAnnouncement] = useState("");

  const add = () => {
    const tag = draft.trim().replace(/\s+/g, " ");
    if (!tag) return;
    const exists = props.value.some((v) => v.toLocaleLowerCase() === tag.toLocaleLowerCase());
    if (!exists) {
      props.onChange([...props.value, tag]);
      setAnnouncement(t("tags.added", { tag }));
    }
    setDraft("");
  };

  const remove = (tag: string) => {
    props.onChange(props.value.filter((v) => v !== tag));
    setAnnouncement(t("tags.removed", { tag }));
    document.getElementById(field.id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add();
    } else if (event.key === "Backspace" && draft === "" && props.value.length > 0) {
      const last = props.value[props.value.length - 1];
      if (last !== undefined) remove(last);
    }
  };

  return (
    <FieldFrame
      id={field.id}
      label={props.label}
      description={props.description}
      error={field.error}
      className="tag-picker"
    >
      {props.value.length > 0 ? (
        <ul className="tag-picker__list" id={listId} aria-label={t("tags.chosen", { label: props.label })}>
          {props.value.map((tag) => (
            <li key={tag} className="tag-picker__tag">
              <span>{tag}</span>
              <button type="button" className="tag-picker__remove" onClick={() => remove(tag)}>
                <CloseIcon size={16} />
                <span className="visually-hidden">{t("tags.remove", { tag })}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="tag-picker__row">
        <input
          id={field.id}
          className="field__input"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={add}
          list={props.suggestions?.length ? datalistId : undefined}
          aria-invalid={field.error ? true : undefined}
          aria-describedby={describedBy(field.id, Boolean(props.description), field.error)}
          autoComplete="off"
          enterKeyHint="done"
        />
        <Button
          variant="secondary"
          onPress={add}
          isDisabled={props.max !== undefined && props.value.length >= props.max}
        >
          {props.addLabel}
        </Button>
      </div>
      {props.suggestions?.length ? (
        <datalist id={datalistId}>
          {props.suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      ) : null}
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </FieldFrame>
  );
}
