import { useTranslation } from "react-i18next";
import {
  type StandardElement,
  type StandardLevel,
  standardElements,
} from "../../../shared/reflection/standard.ts";
import { type LocalizedText, localized } from "../../../shared/surveys/definition.ts";
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
export function StandardFields(props: Props) {
  return (
    <>
      {standardElements.map((element) => (
        <ElementSection key={element.key} element={element} {...props} />
      ))}
    </>
  );
}

/** A text field bound to `path` in the content, or the saved answer for a reader. */
function Answer({
  content,
  onChange,
  readOnly,
  path,
  label,
  description,
}: Props & { path: string[]; label: string; description?: string }) {
  const value = (getIn(content, path) as string | undefined) ?? "";
  if (readOnly) return <ReadOnlyAnswer label={label} value={value} />;
  return (
    <TextAreaField
      label={label}
      description={description}
      name={["content", ...path].join(".")}
      value={value}
      onChange={(next) => onChange(setIn(content, path, next))}
      rows={3}
    />
  );
}

function ElementSection({ element, ...props }: Props & { element: StandardElement }) {
  const { t, i18n } = useTranslation();
  const l = (text: LocalizedText) => localized(text, i18n.language);
  const base = ["elements", element.key];
  const title = l(element.title);
  const rating = getIn(props.content, [...base, "rating"]);
  const levelText = (level: StandardLevel | undefined) =>
    level ? t("teamReflections.ratingValue", { value: level.value, label: l(level.label) }) : "";
  const ratingLabel = t("teamReflections.ratingLabel", { element: title });
  return (
    <div className="team-reflection-element">
      <Section title={title} id={element.key}>
        <p>{l(element.description)}</p>
        <h3>{t("teamReflections.guidingQuestions")}</h3>
        {element.questions.map((question) => (
          <Answer
            key={question.key}
            {...props}
            path={[...base, "answers", question.key]}
            label={l(question.text)}
          />
        ))}
        {props.readOnly ? (
          <ReadOnlyAnswer
            label={ratingLabel}
            value={levelText(element.levels.find((x) => x.value === rating))}
          />
        ) : (
          <RadioGroupField
            label={ratingLabel}
            description={t("teamReflections.ratingHint")}
            name={["content", ...base, "rating"].join(".")}
            value={typeof rating === "number" ? String(rating) : ""}
            onChange={(value) => props.onChange(setIn(props.content, [...base, "rating"], Number(value)))}
            options={element.levels.map((level) => ({
              value: String(level.value),
              label: levelText(level),
              description: l(level.description),
            }))}
          />
        )}
        <Answer
          {...props}
          path={[...base, "nextSteps"]}
          label={t("teamReflections.nextSteps", { element: title })}
          description={t("teamReflections.nextStepsHint")}
        />
      </Section>
    </div>
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
