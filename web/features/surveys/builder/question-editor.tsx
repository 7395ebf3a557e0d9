import { useTranslation } from "react-i18next";
import type { QuestionKind } from "../../../../shared/surveys/definition.ts";
import { Button } from "../../../ui/button.tsx";
import { RadioGroupField } from "../../../ui/choice-fields.tsx";
import { SelectField } from "../../../ui/select-field.tsx";
import { CheckboxField } from "../../feedback/checkbox-field.tsx";
import { useSurveyLabels } from "../labels.ts";
import { LocalizedField } from "./builder-context.tsx";
import { OptionsEditor } from "./options-editor.tsx";
import { type QuestionDraft, withKind } from "./values.ts";

export type MoveButtons = {
  /** DOM ids of this question's buttons, so focus can follow a question that moved. */
  ids: { up: string; down: string; remove: string };
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
  isFirst: boolean;
  isLast: boolean;
  isOnly: boolean;
};

/** Every field of one question, named by its path so the server's errors land next to them. */
export function QuestionEditor({
  path,
  section,
  number,
  value,
  onChange,
  buttons,
}: {
  /** `definition.sections.S.questions.Q` */
  path: string;
  section: number;
  number: number;
  value: QuestionDraft;
  onChange: (question: QuestionDraft) => void;
  buttons: MoveButtons;
}) {
  const { t } = useTranslation();
  const labels = useSurveyLabels();
  const set =
    <K extends keyof QuestionDraft>(key: K) =>
    (v: QuestionDraft[K]) =>
      onChange({ ...value, [key]: v });
  const choice = value.kind === "single_choice" || value.kind === "multiple_choice";
  const names = { number, section };

  return (
    <fieldset className="survey-builder__question">
      <legend>{t("surveyBuilder.question", names)}</legend>
      <LocalizedField
        label={t("surveyBuilder.questionText")}
        name={`${path}.text`}
        value={value.text}
        onChange={set("text")}
        multiline
        isRequired
      />
      <SelectField
        label={t("surveyBuilder.kind")}
        name={`${path}.kind`}
        value={value.kind}
        onChange={(kind) => onChange(withKind(value, kind as QuestionKind))}
        options={labels.kindOptions}
      />
      {value.kind === "likert" ? (
        <RadioGroupField
          label={t("surveyBuilder.points")}
          name={`${path}.points`}
          value={String(value.points)}
          onChange={(points) => set("points")(points === "5" ? 5 : 4)}
          options={[
            { value: "4", label: t("surveyBuilder.points4"), description: labels.scale(4).join(" · ") },
            { value: "5", label: t("surveyBuilder.points5"), description: labels.scale(5).join(" · ") },
          ]}
        />
      ) : null}
      {choice ? <OptionsEditor path={path} value={value.options} onChange={set("options")} /> : null}
      <LocalizedField
        label={t("surveyBuilder.help")}
        name={`${path}.help`}
        value={value.help}
        onChange={set("help")}
        description={t("surveyBuilder.helpHint")}
      />
      <CheckboxField
        label={t("surveyBuilder.optionalQuestion")}
        name={`${path}.optional`}
        checked={value.optional}
        onChange={set("optional")}
        description={t("surveyBuilder.optionalHint")}
      />
      <div className="survey-builder__buttons">
        <Button
          size="small"
          id={buttons.ids.up}
          accessibleName={t("surveyBuilder.moveQuestionUp", names)}
          isDisabled={buttons.isFirst}
          onPress={() => buttons.onMove(-1)}
        >
          <span aria-hidden="true">↑</span> {t("surveyBuilder.up")}
        </Button>
        <Button
          size="small"
          id={buttons.ids.down}
          accessibleName={t("surveyBuilder.moveQuestionDown", names)}
          isDisabled={buttons.isLast}
          onPress={() => buttons.onMove(1)}
        >
          <span aria-hidden="true">↓</span> {t("surveyBuilder.down")}
        </Button>
        <Button
          size="small"
          variant="quiet"
          id={buttons.ids.remove}
          accessibleName={t("surveyBuilder.removeQuestion", names)}
          isDisabled={buttons.isOnly}
          onPress={buttons.onRemove}
        >
          {t("surveyBuilder.remove")}
        </Button>
      </div>
    </fieldset>
  );
}
