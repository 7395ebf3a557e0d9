import { useContext, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { fieldDomId } from "../../ui/form/field-errors.ts";
import { FormContext } from "../../ui/form/form-context.tsx";
import { TextField } from "../../ui/text-field.tsx";
import "./norms-editor.css";

export interface NormItem {
  key: string;
  text: string;
}

let nextKey = 0;
export const normItem = (text: string): NormItem => ({ key: `norm-${nextKey++}`, text });

interface NormsEditorProps {
  value: NormItem[];
  onChange: (value: NormItem[]) => void;
  max?: number;
}

type FocusTarget = { kind: "input"; index: number } | { kind: "up" | "down"; key: string } | { kind: "add" };

/**
 * An ordered list of norms: add, edit, remove, move up/down — all with buttons, so it works with a
 * keyboard and a screen reader. Each move is announced and focus follows the moved norm.
 */
export function NormsEditor({ value, onChange, max = 30 }: NormsEditorProps) {
  const { t } = useTranslation();
  const form = useContext(FormContext);
  const formId = form?.formId ?? "norms";
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const addRef = useRef<HTMLButtonElement>(null);
  // React Aria keeps the first id it was given, so moved buttons are found by ref, not by id.
  const buttonRefs = useRef(new Map<string, HTMLButtonElement | null>());
  const groupError = form?.errors.norms;

  useEffect(() => {
    if (!focusTarget) return;
    // After the press has finished (React Aria settles focus on pointer-up), move focus along.
    const frame = requestAnimationFrame(() => {
      if (focusTarget.kind === "add") addRef.current?.focus();
      else if (focusTarget.kind === "input")
        document.getElementById(fieldDomId(formId, `norms.${focusTarget.index}`))?.focus();
      else buttonRefs.current.get(`${focusTarget.key}-${focusTarget.kind}`)?.focus();
      setFocusTarget(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [focusTarget, formId]);

  const update = (index: number, text: string) =>
    onChange(value.map((item, i) => (i === index ? { ...item, text } : item)));

  const move = (index: number, direction: -1 | 1) => {
    const target = index + direction;
    if (target < 0 || target >= value.length) return;
    const next = [...value];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    next.splice(target, 0, moved);
    onChange(next);
    setAnnouncement(t("norms.moved", { position: target + 1, count: next.length }));
    const keepDirection = direction === -1 ? target > 0 : target < next.length - 1;
    const kind = direction === -1 ? (keepDirection ? "up" : "down") : keepDirection ? "down" : "up";
    setFocusTarget({ kind, key: moved.key });
  };

  const remove = (index: number) => {
    const next = value.filter((_, i) => i !== index);
    onChange(next);
    setAnnouncement(t("norms.removed", { number: index + 1 }));
    setFocusTarget(
      next.length === 0 ? { kind: "add" } : { kind: "input", index: Math.min(index, next.length - 1) },
    );
  };

  const add = () => {
    onChange([...value, normItem("")]);
    setFocusTarget({ kind: "input", index: value.length });
  };

  return (
    <fieldset className="fieldset norms" id={fieldDomId(formId, "norms")}>
      <legend className="choice-group__legend">{t("norms.legend")}</legend>
      <p className="field__description">{t("norms.description")}</p>
      {groupError ? (
        <p className="field__error" role="alert">
          {groupError}
        </p>
      ) : null}
      {value.length === 0 ? <p className="muted">{t("norms.empty")}</p> : null}
      <ol className="norms__list">
        {value.map((item, index) => (
          <li key={item.key} className="norms__item">
            <TextField
              // Remount when the position changes: the field's id (norms.N) must follow its position.
              // biome-ignore lint/suspicious/noArrayIndexKey: the position is part of the identity here, on purpose
              key={`${item.key}@${index}`}
              label={t("norms.itemLabel", { number: index + 1 })}
              name={`norms.${index}`}
              value={item.text}
              onChange={(text) => update(index, text)}
            />
            <div className="norms__buttons">
              <Button
                size="small"
                ref={(el) => {
                  buttonRefs.current.set(`${item.key}-up`, el);
                }}
                accessibleName={t("norms.moveUp", { number: index + 1 })}
                isDisabled={index === 0}
                onPress={() => move(index, -1)}
              >
                <span aria-hidden="true">↑</span> {t("norms.up")}
              </Button>
              <Button
                size="small"
                ref={(el) => {
                  buttonRefs.current.set(`${item.key}-down`, el);
                }}
                accessibleName={t("norms.moveDown", { number: index + 1 })}
                isDisabled={index === value.length - 1}
                onPress={() => move(index, 1)}
              >
                <span aria-hidden="true">↓</span> {t("norms.down")}
              </Button>
              <Button
                size="small"
                variant="quiet"
                accessibleName={t("norms.remove", { number: index + 1 })}
                onPress={() => remove(index)}
              >
                {t("common.remove")}
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <div>
        <Button ref={addRef} onPress={add} isDisabled={value.length >= max}>
          {t("norms.add")}
        </Button>
      </div>
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </fieldset>
  );
}
