import { useTranslation } from "react-i18next";
import {
  type LocalizedText,
  localized,
  type SurveyDefinition,
  type SurveyQuestion,
} from "../../../shared/surveys/definition.ts";
import { useSurveyLabels } from "./labels.ts";

/** The questions, section by section, as respondents will read them (in the reader's language). */
export function SurveyPreview({ definition }: { definition: SurveyDefinition }) {
  const { t, i18n } = useTranslation();
  const text = (value: LocalizedText) => localized(value, i18n.language);
  return (
    <section aria-labelledby="survey-questions" className="survey-preview">
      <h2 id="survey-questions">{t("surveys.questionsHeading")}</h2>
      {definition.introduction ? (
        <p className="survey-preview__intro">{text(definition.introduction)}</p>
      ) : null}
      {definition.sections.map((section, s) => (
        <section
          key={section.key}
          className="survey-preview__section"
          aria-labelledby={`survey-section-${s}`}
        >
          <h3 id={`survey-section-${s}`}>
            {t("surveys.sectionN", { number: s + 1, title: text(section.title) })}
          </h3>
          {section.description ? <p className="muted">{text(section.description)}</p> : null}
          <ol className="survey-preview__questions">
            {section.questions.map((question) => (
              <li key={question.key} className="survey-preview__question">
                <QuestionPreview question={question} text={text} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}

function QuestionPreview({
  question,
  text,
}: {
  question: SurveyQuestion;
  text: (value: LocalizedText) => string;
}) {
  const { t } = useTranslation();
  const labels = useSurveyLabels();
  return (
    <>
      <p>
        <strong>{text(question.text)}</strong>
        {question.optional ? <span className="muted"> ({t("surveys.optional")})</span> : null}
      </p>
      {question.help ? <p className="muted">{text(question.help)}</p> : null}
      {question.kind === "likert" ? (
        <ul className="survey-preview__scale" aria-label={t("surveys.scaleLabel")}>
          {labels.scale(question.points).map((label) => (
            <li key={label}>{label}</li>
          ))}
        </ul>
      ) : question.kind === "single_choice" || question.kind === "multiple_choice" ? (
        <>
          <p className="muted">{t(`surveys.kindHint.${question.kind}`)}</p>
          <ul className="survey-preview__options" aria-label={t("surveys.optionsLabel")}>
            {question.options.map((option) => (
              <li key={option.key}>{text(option.text)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t(`surveys.kindHint.${question.kind}`)}</p>
      )}
    </>
  );
}
