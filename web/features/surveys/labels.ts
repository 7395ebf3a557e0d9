import { useTranslation } from "react-i18next";
import type { SurveySummary } from "../../../shared/schemas/surveys.ts";
import type { QuestionKind } from "../../../shared/surveys/definition.ts";

const four = ["stronglyDisagree", "disagree", "agree", "stronglyAgree"] as const;
const five = ["stronglyDisagree", "disagree", "neither", "agree", "stronglyAgree"] as const;

export const questionKinds: readonly QuestionKind[] = [
  "likert",
  "single_choice",
  "multiple_choice",
  "short_text",
  "long_text",
];

/** The words of the library: scale points, kinds, whose a survey is. */
export function useSurveyLabels() {
  const { t } = useTranslation();
  return {
    /** 4: Strongly disagree … Strongly agree; 5 adds "Neither agree nor disagree" in the middle. */
    scale: (points: 4 | 5) => (points === 5 ? five : four).map((key) => t(`surveys.agreement.${key}`)),
    kind: (kind: QuestionKind) => t(`surveys.kinds.${kind}`),
    kindOptions: questionKinds.map((kind) => ({ value: kind, label: t(`surveys.kinds.${kind}`) })),
    owner: (s: Pick<SurveySummary, "kind" | "community">) =>
      s.kind === "community"
        ? t("surveys.kind.community", { community: s.community?.name ?? "" })
        : t(`surveys.kind.${s.kind}`),
  };
}
