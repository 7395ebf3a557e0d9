import { useTranslation } from "react-i18next";
import { type StandardLevel, standardElements } from "../../../shared/reflection/standard.ts";
import { localized } from "../../../shared/surveys/definition.ts";
import { RadioGroupField } from "../../ui/choice-fields.tsx";
import { Section } from "../../ui/page.tsx";
import { TextAreaField } from "../../ui/text-field.tsx";
import { getIn, setIn } from "./use-reflection-form.ts";

type Props = {
  content: Record<string, unknown>;
  onChange: (next: Record<string, unknown>) => void;
  readOnly: boolean;
};

/** Each element of the standard as a section: its guiding questions, where we stand, next steps. */
export function StandardFields({ content, onChange, readOnly }: Props) {
  const { t, i18n } = useTranslation();
  const l = (text: { en: string }) => localized(text, i18n.language);
  const text = (path: string[]) => (getIn(content, path) as string | undefined) ?? "";
  const set = (path: string[]) => (value: unknown) => onChange(setIn(content, path, value));
  const levelText = (level: StandardLevel | undefined) =>
    level ? t("teamReflections.ratingValue", { value: level.value, label: l(level.label) }) : "";
  return (
    <>
      {standardElements.map((element) => {
        const base = ["elements", element.key];
        const title = l(element.title);
        const rating = getIn(content, [...base, "rating"]);
        return (
          <div key={element.key} className="team-reflection-element">
            <Section title={title} id={element.key}>
              <p>{l(element.description)}</p>
              <h3>{t("teamReflections.guidingQuestions")}</h3>
              {element.questions.map((question) => {
                const path = [...base, "answers", question.key];
                return readOnly ? (
                  <ReadOnlyAnswer key={question.key} label={l(question.text)} value={text(path)} />
                ) : (
                  <TextAreaField
                    key={question.key}
                    label={l(question.text)}
                    name={["content", ...path].join(".")}
                    value={text(path)}
                    onChange={set(path)}
                    rows={3}
                  />
                );
              })}
              {readOnly ? (
                <ReadOnlyAnswer
                  label={t("teamReflections.ratingLabel", { element: title })}
                  value={levelText(element.levels.find((level) => level.value === rating))}
                />
              ) : (
                <RadioGroupField
                  label={t("teamReflections.ratingLabel", { element: title })}
                  description={t("teamReflections.ratingHint")}
                  name={["content", ...base, "rating"].join(".")}
                  value={typeof rating === "number" ? String(rating) : ""}
                  onChange={(value) => set([...base, "rating"])(Number(value))}
                  options={element.levels.map((level) => ({
                    value: String(level.value),
                    label: levelText(level),
                    description: l(level.description),
                  }))}
                />
              )}
              {readOnly ? (
                <ReadOnlyAnswer
                  label={t("teamReflections.nextSteps", { element: title })}
                  value={text([...base, "nextSteps"])}
                />
              ) : (
                <TextAreaField
                  label={t("teamReflections.nextSteps", { element: title })}
                  description={t("teamReflections.nextStepsHint")}
                  name={["content", ...base, "nextSteps"].join(".")}
                  value={text([...base, "nextSteps"])}
                  onChange={set([...base, "nextSteps"])}
                  rows={3}
                />
              )}
            </Section>
          </div>
        );
      })}
    </>
  );
}

export function ReadOnlyAnswer({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <p className="field__label">{label}</p>
      <p className={value ? "team-reflection-answer" : "muted"}>
        {value || t("teamReflections.notAnswered")}
      </p>
    </div>
  );
}
