import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/button.tsx";
import { fieldDomId } from "../../../ui/form/field-errors.ts";
import { useField } from "../../../ui/form/form-context.tsx";
import { FieldErrorText } from "../../../ui/text-field.tsx";
import { LocalizedField, useBuilder } from "./builder-context.tsx";
import { type MoveButtons, QuestionEditor } from "./question-editor.tsx";
import { blankQuestion, moved, type SectionDraft } from "./values.ts";

const MAX_QUESTIONS = 60;

/** One section: its title and description, and its questions (added, moved and removed with buttons). */
export function SectionEditor({
  index,
  value,
  onChange,
  buttons,
}: {
  index: number;
  value: SectionDraft;
  onChange: (section: SectionDraft) => void;
  buttons: MoveButtons;
}) {
  const { t } = useTranslation();
  const { formId, announce, focusLater } = useBuilder();
  const path = `definition.sections.${index}`;
  const number = index + 1;
  const questionsError = useField(`${path}.questions`, `${path}-questions`).error;
  const questionPath = (q: number) => `${path}.questions.${q}`;
  const buttonId = (q: number, kind: string) => `${fieldDomId(formId, questionPath(q))}-${kind}`;
  const addId = `${fieldDomId(formId, path)}-add-question`;
  const setQuestions = (questions: SectionDraft["questions"]) => onChange({ ...value, questions });

  const move = (q: number, direction: -1 | 1) => {
    const target = q + direction;
    setQuestions(moved(value.questions, q, direction));
    announce(t(direction < 0 ? "surveyBuilder.movedUp" : "surveyBuilder.movedDown", { number: target + 1 }));
    // At the top or bottom the pressed button disables, so focus goes to its twin.
    const atEdge = direction < 0 ? target === 0 : target === value.questions.length - 1;
    const same = direction < 0 ? "up" : "down";
    focusLater(buttonId(target, atEdge ? (same === "up" ? "down" : "up") : same));
  };
  const remove = (q: number) => {
    const next = value.questions.filter((_, i) => i !== q);
    setQuestions(next);
    announce(t("surveyBuilder.removed", { number: q + 1 }));
    focusLater(fieldDomId(formId, `${questionPath(Math.min(q, next.length - 1))}.text.en`));
  };
  const add = () => {
    setQuestions([...value.questions, blankQuestion()]);
    announce(t("surveyBuilder.added", { number: value.questions.length + 1 }));
    focusLater(fieldDomId(formId, `${questionPath(value.questions.length)}.text.en`));
  };

  return (
    <fieldset className="survey-builder__section">
      <legend>{t("surveyBuilder.section", { number })}</legend>
      <LocalizedField
        label={t("surveyBuilder.sectionTitle")}
        name={`${path}.title`}
        value={value.title}
        onChange={(title) => onChange({ ...value, title })}
        isRequired
      />
      <LocalizedField
        label={t("surveyBuilder.sectionDescription")}
        name={`${path}.description`}
        value={value.description}
        onChange={(description) => onChange({ ...value, description })}
        description={t("surveyBuilder.sectionDescriptionHint")}
        multiline
      />
      {questionsError ? (
        <p className="field__error" id={fieldDomId(formId, `${path}.questions`)} tabIndex={-1}>
          <FieldErrorText>{questionsError}</FieldErrorText>
        </p>
      ) : null}
      <ol className="survey-builder__list">
        {value.questions.map((question, q) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: field ids follow the position, so a moved question remounts
          <li key={`${question.key}@${q}`}>
            <QuestionEditor
              path={questionPath(q)}
              section={number}
              number={q + 1}
              value={question}
              onChange={(next) => setQuestions(value.questions.map((old, i) => (i === q ? next : old)))}
              buttons={{
                ids: { up: buttonId(q, "up"), down: buttonId(q, "down"), remove: buttonId(q, "remove") },
                onMove: (direction) => move(q, direction),
                onRemove: () => remove(q),
                isFirst: q === 0,
                isLast: q === value.questions.length - 1,
                isOnly: value.questions.length === 1,
              }}
            />
          </li>
        ))}
      </ol>
      <div className="survey-builder__buttons">
        <Button
          id={addId}
          onPress={add}
          isDisabled={value.questions.length >= MAX_QUESTIONS}
          accessibleName={t("surveyBuilder.addQuestionTo", { section: number })}
        >
          {t("surveyBuilder.addQuestion")}
        </Button>
      </div>
      <div className="survey-builder__buttons">
        <Button
          size="small"
          id={buttons.ids.up}
          accessibleName={t("surveyBuilder.moveSectionUp", { number })}
          isDisabled={buttons.isFirst}
          onPress={() => buttons.onMove(-1)}
        >
          <span aria-hidden="true">↑</span> {t("surveyBuilder.up")}
        </Button>
        <Button
          size="small"
          id={buttons.ids.down}
          accessibleName={t("surveyBuilder.moveSectionDown", { number })}
          isDisabled={buttons.isLast}
          onPress={() => buttons.onMove(1)}
        >
          <span aria-hidden="true">↓</span> {t("surveyBuilder.down")}
        </Button>
        <Button
          size="small"
          variant="quiet"
          id={buttons.ids.remove}
          accessibleName={t("surveyBuilder.removeSection", { number })}
          isDisabled={buttons.isOnly}
          onPress={buttons.onRemove}
        >
          {t("surveyBuilder.remove")}
        </Button>
      </div>
    </fieldset>
  );
}
