import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/button.tsx";
import { fieldDomId } from "../../../ui/form/field-errors.ts";
import { useField } from "../../../ui/form/form-context.tsx";
import { FieldErrorText } from "../../../ui/text-field.tsx";
import { LocalizedField, useBuilder } from "./builder-context.tsx";
import { blankOption, type OptionDraft } from "./values.ts";

const MAX_OPTIONS = 20;

/** A choice question's options: each a text (and its translation), added and removed with buttons. */
export function OptionsEditor({
  path,
  value,
  onChange,
}: {
  /** `definition.sections.S.questions.Q` */
  path: string;
  value: OptionDraft[];
  onChange: (options: OptionDraft[]) => void;
}) {
  const { t } = useTranslation();
  const { formId, announce, focusLater } = useBuilder();
  const listError = useField(`${path}.options`, `${path}-options`).error;
  const optionId = (index: number) => fieldDomId(formId, `${path}.options.${index}.text.en`);
  const addId = `${fieldDomId(formId, path)}-add-option`;

  const add = () => {
    onChange([...value, blankOption()]);
    announce(t("surveyBuilder.added", { number: value.length + 1 }));
    focusLater(optionId(value.length));
  };
  const remove = (index: number) => {
    const next = value.filter((_, i) => i !== index);
    onChange(next);
    announce(t("surveyBuilder.removed", { number: index + 1 }));
    focusLater(next.length ? optionId(Math.min(index, next.length - 1)) : addId);
  };

  return (
    <fieldset className="fieldset">
      <legend className="field__label">{t("surveyBuilder.options")}</legend>
      {listError ? (
        <p className="field__error" id={fieldDomId(formId, `${path}.options`)} tabIndex={-1}>
          <FieldErrorText>{listError}</FieldErrorText>
        </p>
      ) : null}
      <ol className="survey-builder__list">
        {value.map((option, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: field ids follow the position, so a removed option remounts
          <li key={`${option.key}@${index}`} className="survey-builder__option">
            <div>
              <LocalizedField
                label={t("surveyBuilder.option", { number: index + 1 })}
                name={`${path}.options.${index}.text`}
                value={option.text}
                onChange={(text) => onChange(value.map((o, i) => (i === index ? { ...o, text } : o)))}
              />
            </div>
            <Button
              size="small"
              variant="quiet"
              accessibleName={t("surveyBuilder.removeOption", { number: index + 1 })}
              onPress={() => remove(index)}
            >
              {t("surveyBuilder.remove")}
            </Button>
          </li>
        ))}
      </ol>
      <div>
        <Button id={addId} size="small" onPress={add} isDisabled={value.length >= MAX_OPTIONS}>
          {t("surveyBuilder.addOption")}
        </Button>
      </div>
    </fieldset>
  );
}
