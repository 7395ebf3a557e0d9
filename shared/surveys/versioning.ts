import type { SurveyDefinition, SurveyQuestion } from "./definition.ts";

/*
 * How editing a survey changes its versions (decision 0015). A version nobody has answered yet is edited
 * in place; once any response points at it, it is frozen and the edit becomes a new version, so old
 * answers stay attached to the questions they answered. Answers are lined up across versions by question
 * key, so a question that keeps its key but now asks for something else (another kind, another scale,
 * another set of options) is given a fresh key: answers of different meaning never mix in results.
 * Rewording a question, its help or its options keeps the key.
 */

/** What a question asks for, as a comparable string: its kind, its scale or its set of option keys. */
export function questionMeaning(question: SurveyQuestion): string {
  switch (question.kind) {
    case "likert":
      return `likert:${question.points}`;
    case "single_choice":
    case "multiple_choice":
      return `${question.kind}:${question.options
        .map((o) => o.key)
        .sort()
        .join(",")}`;
    default:
      return question.kind;
  }
}

/** Every question key used by these definitions, with each meaning it was used for. */
function meaningsByKey(definitions: SurveyDefinition[]): Map<string, Set<string>> {
  const byKey = new Map<string, Set<string>>();
  for (const definition of definitions) {
    for (const section of definition.sections) {
      for (const question of section.questions) {
        const meanings = byKey.get(question.key) ?? new Set<string>();
        meanings.add(questionMeaning(question));
        byKey.set(question.key, meanings);
      }
    }
  }
  return byKey;
}

const KEY_MAX = 40;

/** `agree` → `agree-2`, `agree-3`…: the first key no earlier version and no other question uses. */
function freshKey(key: string, taken: (candidate: string) => boolean): string {
  const base = key.replace(/-\d+$/, "") || key;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, KEY_MAX - suffix.length)}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

export type Renamed = { from: string; to: string };

/**
 * Gives a fresh key to each question whose key an earlier version used for another meaning. `earlier`
 * are the versions whose answers must not mix with the new one's (those that are kept).
 */
export function rekeyChangedQuestions(
  next: SurveyDefinition,
  earlier: SurveyDefinition[],
): { definition: SurveyDefinition; renamed: Renamed[] } {
  const before = meaningsByKey(earlier);
  const used = new Set(next.sections.flatMap((s) => s.questions.map((q) => q.key)));
  const renamed: Renamed[] = [];
  const sections = next.sections.map((section) => ({
    ...section,
    questions: section.questions.map((question) => {
      const meanings = before.get(question.key);
      const meaning = questionMeaning(question);
      if (!meanings || (meanings.size === 1 && meanings.has(meaning))) return question;
      const key = freshKey(question.key, (candidate) => used.has(candidate) || before.has(candidate));
      used.add(key);
      renamed.push({ from: question.key, to: key });
      return { ...question, key };
    }),
  }));
  return { definition: { ...next, sections }, renamed };
}

/** The same JSON whatever the order of object keys: how two definitions are compared. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export type EditPlan =
  /** Nothing changed: no write, no new version. */
  | { action: "unchanged" }
  /** Nobody answered the current version yet: its definition is replaced. */
  | { action: "replace"; definition: SurveyDefinition; renamed: Renamed[] }
  /** The current version has responses: the edit becomes version `number`. */
  | { action: "new_version"; number: number; definition: SurveyDefinition; renamed: Renamed[] };

/**
 * What saving `next` over a survey does. `current` is its current version; `others` every other version
 * it has (earlier ones, answered or not, stay as they are).
 */
export function planEdit(input: {
  current: { number: number; definition: SurveyDefinition; hasResponses: boolean };
  others: { number: number; definition: SurveyDefinition }[];
  next: SurveyDefinition;
}): EditPlan {
  const { current, others, next } = input;
  // Keys are compared against every kept version: a draft edited in place leaves no answers behind.
  const kept = [...others.map((o) => o.definition), ...(current.hasResponses ? [current.definition] : [])];
  const { definition, renamed } = rekeyChangedQuestions(next, kept);
  if (canonical(definition) === canonical(current.definition)) return { action: "unchanged" };
  const highest = Math.max(current.number, ...others.map((o) => o.number));
  return current.hasResponses
    ? { action: "new_version", number: highest + 1, definition, renamed }
    : { action: "replace", definition, renamed };
}
