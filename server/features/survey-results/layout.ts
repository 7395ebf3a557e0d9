import type { QuestionResult, RatedItem, SectionResult } from "../../../shared/schemas/survey-results.ts";
import { AGREEMENT_THRESHOLD } from "../../../shared/surveys/builtin/community-health.ts";
import {
  localized,
  type SurveyDefinition,
  type SurveyQuestion,
  type SurveySection,
} from "../../../shared/surveys/definition.ts";
import {
  percentOf,
  pool,
  round,
  strengthsAndGrowthAreas,
  summarize,
} from "../../../shared/surveys/statistics.ts";
import type { Aggregates } from "./aggregate.ts";

/*
 * Lays the counted answers out by the administration's current version: questions are lined up by key,
 * their text is the current one; keys the current version no longer asks (answered on an older version)
 * are gathered under "Earlier questions", with the text of the newest version that asked them.
 */

export const EARLIER_KEY = "earlier";
const two = (v: number | null) => (v === null ? null : round(v, 2));

function questionResult(q: SurveyQuestion, agg: Aggregates, language: string): QuestionResult {
  const base = { key: q.key, kind: q.kind, text: localized(q.text, language), answers: [] as string[] };
  if (q.kind === "likert") {
    const s = summarize(agg.likert.get(q.key) ?? new Map(), q.points);
    return {
      ...base,
      count: s.count,
      mean: two(s.mean),
      sd: two(s.sd),
      distribution: s.distribution.map((d) => ({ ...d, label: String(d.value) })),
    };
  }
  if (q.kind === "single_choice" || q.kind === "multiple_choice") {
    const counts = agg.choices.get(q.key) ?? new Map<string, number>();
    const n = agg.answered.get(q.key) ?? 0;
    const distribution = q.options.map((o) => {
      const count = counts.get(o.key) ?? 0;
      return { value: o.key, label: localized(o.text, language), count, percent: percentOf(count, n) };
    });
    return { ...base, count: n, mean: null, sd: null, distribution };
  }
  const answers = agg.texts.get(q.key) ?? [];
  return { ...base, count: answers.length, mean: null, sd: null, distribution: [], answers };
}

function sectionResult(
  key: string,
  title: string,
  questions: SurveyQuestion[],
  agg: Aggregates,
  language: string,
): SectionResult {
  const likert = questions.filter((q) => q.kind === "likert");
  const points = Math.max(4, ...likert.map((q) => (q.kind === "likert" ? q.points : 4)));
  const s = summarize(pool(likert.map((q) => agg.likert.get(q.key) ?? new Map())), points);
  return {
    key,
    title,
    count: s.count,
    mean: two(s.mean),
    sd: two(s.sd),
    questions: questions.map((q) => questionResult(q, agg, language)),
  };
}

/** Questions answered on older versions whose keys the current one no longer has. */
function earlierQuestions(current: SurveyDefinition, older: SurveyDefinition[], agg: Aggregates) {
  const asked = new Set(current.sections.flatMap((s) => s.questions.map((q) => q.key)));
  const found = new Map<string, SurveyQuestion>();
  for (const definition of older)
    for (const section of definition.sections)
      for (const q of section.questions)
        if (!asked.has(q.key) && !found.has(q.key) && agg.answered.has(q.key)) found.set(q.key, q);
  return [...found.values()];
}

export function layOut(
  current: SurveyDefinition,
  older: SurveyDefinition[],
  agg: Aggregates,
  language: string,
  earlierTitle: string,
) {
  const sections = current.sections.map((s: SurveySection) =>
    sectionResult(s.key, localized(s.title, language), s.questions, agg, language),
  );
  const earlier = earlierQuestions(current, older, agg);
  if (earlier.length) sections.push(sectionResult(EARLIER_KEY, earlierTitle, earlier, agg, language));
  return { sections, ...ratings(sections.filter((s) => s.key !== EARLIER_KEY)) };
}

/** Strengths and growth areas: the sections first, then the statements, each ordered by mean. */
function ratings(sections: SectionResult[]) {
  const sectionItems: RatedItem[] = sections.flatMap((s) =>
    s.mean === null
      ? []
      : [{ kind: "section", sectionKey: s.key, questionKey: null, title: s.title, mean: s.mean, sd: s.sd }],
  );
  const statementItems: RatedItem[] = sections.flatMap((s) =>
    s.questions.flatMap((q) =>
      q.kind === "likert" && q.mean !== null
        ? [
            {
              kind: "statement",
              sectionKey: s.key,
              questionKey: q.key,
              title: q.text,
              mean: q.mean,
              sd: q.sd,
            },
          ]
        : [],
    ),
  );
  const bySection = strengthsAndGrowthAreas(sectionItems, AGREEMENT_THRESHOLD);
  const byStatement = strengthsAndGrowthAreas(statementItems, AGREEMENT_THRESHOLD);
  return {
    strengths: [...bySection.strengths, ...byStatement.strengths],
    growthAreas: [...bySection.growthAreas, ...byStatement.growthAreas],
  };
}
