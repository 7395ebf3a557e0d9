import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/button.tsx";
import { TextField } from "../../../ui/text-field.tsx";
import { type Keyed, keyed } from "./values.ts";

interface PromptsEditorProps {
  stepIndex: number;
  value: Keyed[];
  onChange: (value: Keyed[]) => void;
}

const MAX_PROMPTS = 12;

/** A step's sentence stems: add one, edit, remove. */
export function PromptsEditor({ stepIndex, value, onChange }: PromptsEditorProps) {
  const { t } = useTranslation();
  const step = stepIndex + 1;
  return (
    <fieldset className="fieldset protocol-prompts">
      <legend className="choice-group__legend">{t("protocolEditor.prompts")}</legend>
      {value.length > 0 ? (
        <ol className="protocol-prompts__list">
          {value.map((prompt, index) => (
            <li key={prompt.key} className="protocol-prompts__item">
              <TextField
                // The field id follows its position (steps.N.prompts.M), so it remounts when that changes.
                // biome-ignore lint/suspicious/noArrayIndexKey: position is part of the field's identity
                key={`${prompt.key}@${index}`}
                label={t("protocolEditor.prompt", { number: index + 1 })}
                name={`steps.${stepIndex}.prompts.${index}`}
                value={prompt.text}
                onChange={(text) => onChange(value.map((p, i) => (i === index ? { ...p, text } : p)))}
              />
              <Button
                size="small"
                variant="quiet"
                accessibleName={t("protocolEditor.removePrompt", { number: index + 1, step })}
                onPress={() => onChange(value.filter((_, i) => i !== index))}
              >
                {t("common.remove")}
              </Button>
            </li>
          ))}
        </ol>
      ) : null}
      <div>
        <Button
          size="small"
          onPress={() => onChange([...value, keyed("")])}
          isDisabled={value.length >= MAX_PROMPTS}
        >
          {t("protocolEditor.addPrompt")}
        </Button>
      </div>
    </fieldset>
  );
}
