import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/button.tsx";
import { fieldDomId } from "../../../ui/form/field-errors.ts";
import { useField } from "../../../ui/form/form-context.tsx";
import { FieldErrorText } from "../../../ui/text-field.tsx";
import { useBuilder } from "./builder-context.tsx";
import { SectionEditor } from "./section-editor.tsx";
import { blankSection, moved, type SectionDraft } from "./values.ts";

const MAX_SECTIONS = 20;

/** The survey's sections in order: add, rename (in each), move up and down, remove. */
export function SectionsEditor({
  value,
  onChange,
}: {
  value: SectionDraft[];
  onChange: (sections: SectionDraft[]) => void;
}) {
  const { t } = useTranslation();
  const { formId, announce, focusLater } = useBuilder();
  const error = useField("definition.sections", "definition-sections").error;
  const buttonId = (s: number, kind: string) => `${fieldDomId(formId, `definition.sections.${s}`)}-${kind}`;
  const titleId = (s: number) => fieldDomId(formId, `definition.sections.${s}.title.en`);

  const move = (s: number, direction: -1 | 1) => {
    const target = s + direction;
    onChange(moved(value, s, direction));
    announce(t(direction < 0 ? "surveyBuilder.movedUp" : "surveyBuilder.movedDown", { number: target + 1 }));
    const atEdge = direction < 0 ? target === 0 : target === value.length - 1;
    const same = direction < 0 ? "up" : "down";
    focusLater(buttonId(target, atEdge ? (same === "up" ? "down" : "up") : same));
  };
  const remove = (s: number) => {
    const next = value.filter((_, i) => i !== s);
    onChange(next);
    announce(t("surveyBuilder.removed", { number: s + 1 }));
    focusLater(titleId(Math.min(s, next.length - 1)));
  };
  const add = () => {
    onChange([...value, blankSection(t("surveyBuilder.newSection"))]);
    announce(t("surveyBuilder.added", { number: value.length + 1 }));
    focusLater(titleId(value.length));
  };

  return (
    <section className="form-section stack" aria-labelledby={`${formId}-sections-title`}>
      <h2 className="form-section__title" id={`${formId}-sections-title`}>
        {t("surveyBuilder.sections")}
      </h2>
      {error ? (
        <p className="field__error" id={fieldDomId(formId, "definition.sections")} tabIndex={-1}>
          <FieldErrorText>{error}</FieldErrorText>
        </p>
      ) : null}
      <ol className="survey-builder__list">
        {value.map((section, s) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: field ids follow the position, so a moved section remounts
          <li key={`${section.key}@${s}`}>
            <SectionEditor
              index={s}
              value={section}
              onChange={(next) => onChange(value.map((old, i) => (i === s ? next : old)))}
              buttons={{
                ids: { up: buttonId(s, "up"), down: buttonId(s, "down"), remove: buttonId(s, "remove") },
                onMove: (direction) => move(s, direction),
                onRemove: () => remove(s),
                isFirst: s === 0,
                isLast: s === value.length - 1,
                isOnly: value.length === 1,
              }}
            />
          </li>
        ))}
      </ol>
      <div>
        <Button onPress={add} isDisabled={value.length >= MAX_SECTIONS}>
          {t("surveyBuilder.addSection")}
        </Button>
      </div>
    </section>
  );
}
