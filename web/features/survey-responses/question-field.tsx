import { useTranslation } from "react-i18next";
import type { SurveyAnswer, SurveyQuestion } from "../../../shared/surveys/definition.ts";
import { localized } from "../../../shared/surveys/definition.ts";
import { CheckboxGroupField, RadioGroupField } from "../../ui/choice-fields.tsx";
import { TextAreaField, TextField } from "../../ui/text-field.tsx";

/** The labels of a scale's points, 1…points. */
export function useScaleLabels() {
  const { t } = useTranslation();
  return (points: 4 | 5) =>
    points === 4
      ? [
          t("surveyResponses.scale4.p1"),
          t("surveyResponses.scale4.p2"),
          t("surveyResponses.scale4.p3"),
          t("surveyResponses.scale4.p4"),
        ]
      : [
          t("surveyResponses.scale5.p1"),
          t("surveyResponses.scale5.p2"),
          t("surveyResponses.scale5.p3"),
          t("surveyResponses.scale5.p4"),
          t("surveyResponses.scale5.p5"),
        ];
}

type Props = {
  question: SurveyQuestion;
  number: number;
  answer: SurveyAnswer | undefined;
  onChange: (answer: SurveyAnswer) => void;
};

/** One question as the field its kind asks for; named `answers.<key>` so its error shows beside it. */
export function QuestionField({ question: q, number, answer, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const scale = useScaleLabels();
  const text = localized(q.text, i18n.language);
  const label = `${number}. ${text}${q.optional ? ` ${t("surveyResponses.optional")}` : ""}`;
  const name = `answers.${q.key}`;
  const description = q.help ? localized(q.help, i18n.language) : undefined;
  if (q.kind === "likert")
    return (
      <RadioGroupField
        label={label}
        name={name}
        description={description}
        value={answer?.value === undefined ? "" : String(answer.value)}
        onChange={(v) => onChange({ value: Number(v) })}
        options={scale(q.points).map((l, i) => ({ value: String(i + 1), label: l }))}
      />
    );
  if (q.kind === "single_choice" || q.kind === "multiple_choice") {
    const options = q.options.map((o) => ({ value: o.key, label: localized(o.text, i18n.language) }));
    return q.kind === "single_choice" ? (
      <RadioGroupField
        label={label}
        name={name}
        description={description}
        value={answer?.choices?.[0] ?? ""}
        onChange={(v) => onChange({ choices: [v] })}
        options={options}
      />
    ) : (
      <CheckboxGroupField
        label={label}
        name={name}
        description={description}
        value={answer?.choices ?? []}
        onChange={(choices) => onChange({ choices })}
        options={options}
      />
    );
  }
  const Field = q.kind === "short_text" ? TextField : TextAreaField;
  return (
    <Field
      label={label}
      name={name}
      description={description}
      value={answer?.text ?? ""}
      onChange={(v) => onChange({ text: v })}
    />
  );
}

/** A submitted answer as words (read-only views). */
export function useAnswerWords() {
  const { i18n } = useTranslation();
  const scale = useScaleLabels();
  return (q: SurveyQuestion, a: SurveyAnswer | undefined): string => {
    if (!a) return "—";
    if (q.kind === "likert") return a.value ? (scale(q.points)[a.value - 1] ?? String(a.value)) : "—";
    if (q.kind === "single_choice" || q.kind === "multiple_choice")
      return (
        (a.choices ?? [])
          .map((c) => q.options.find((o) => o.key === c))
          .map((o) => (o ? localized(o.text, i18n.language) : ""))
          .join(", ") || "—"
      );
    return a.text?.trim() ? a.text : "—";
  };
}
