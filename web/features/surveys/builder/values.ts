import type {
  LocalizedText,
  QuestionKind,
  SurveyDefinition,
  SurveyQuestion,
} from "../../../../shared/surveys/definition.ts";

/** A text as the builder holds it: English and, when translating, Spanish. */
export type TextDraft = { en: string; es: string };
export type OptionDraft = { key: string; text: TextDraft };
export type QuestionDraft = {
  key: string;
  kind: QuestionKind;
  text: TextDraft;
  help: TextDraft;
  optional: boolean;
  points: 4 | 5;
  options: OptionDraft[];
};
export type SectionDraft = {
  key: string;
  title: TextDraft;
  description: TextDraft;
  questions: QuestionDraft[];
};
export type BuilderValues = {
  title: TextDraft;
  introduction: TextDraft;
  sections: SectionDraft[];
  /** Show the Spanish fields. */
  translate: boolean;
  /** "" = the district's library. */
  communityId: string;
};

/**
 * Keys are how answers line up across versions, so they are made once and kept: a new question gets a
 * random one, an edited question keeps its own (the server gives a fresh one if its meaning changed).
 */
export function newKey(prefix: "s" | "q" | "o"): string {
  const bytes = crypto.getRandomValues(new Uint8Array(5));
  return `${prefix}-${Array.from(bytes, (b) => (b % 36).toString(36)).join("")}`;
}

export const blankText = (): TextDraft => ({ en: "", es: "" });
const draftOf = (text: LocalizedText | undefined): TextDraft => ({ en: text?.en ?? "", es: text?.es ?? "" });

export const blankOption = (): OptionDraft => ({ key: newKey("o"), text: blankText() });

export const blankQuestion = (): QuestionDraft => ({
  key: newKey("q"),
  kind: "likert",
  text: blankText(),
  help: blankText(),
  optional: false,
  points: 4,
  options: [],
});

export const blankSection = (title: string): SectionDraft => ({
  key: newKey("s"),
  title: { en: title, es: "" },
  description: blankText(),
  questions: [blankQuestion()],
});

export const blankValues = (sectionTitle: string, communityId: string): BuilderValues => ({
  title: blankText(),
  introduction: blankText(),
  sections: [blankSection(sectionTitle)],
  translate: false,
  communityId,
});

/** Changing a question's kind: choices get two empty options to fill, others drop theirs. */
export function withKind(question: QuestionDraft, kind: QuestionKind): QuestionDraft {
  const choice = kind === "single_choice" || kind === "multiple_choice";
  const options = choice ? (question.options.length ? question.options : [blankOption(), blankOption()]) : [];
  return { ...question, kind, options };
}

export function fromDefinition(d: SurveyDefinition): BuilderValues {
  const translated = JSON.stringify(d).includes('"es":');
  return {
    title: draftOf(d.title),
    introduction: draftOf(d.introduction),
    translate: translated,
    communityId: "",
    sections: d.sections.map((s) => ({
      key: s.key,
      title: draftOf(s.title),
      description: draftOf(s.description),
      questions: s.questions.map((q) => ({
        key: q.key,
        kind: q.kind,
        text: draftOf(q.text),
        help: draftOf(q.help),
        optional: q.optional,
        points: q.kind === "likert" ? q.points : 4,
        options:
          q.kind === "single_choice" || q.kind === "multiple_choice"
            ? q.options.map((o) => ({ key: o.key, text: draftOf(o.text) }))
            : [],
      })),
    })),
  };
}

/** A required text: English always sent (the schema judges it), Spanish when written. */
const required = (text: TextDraft, translate: boolean): LocalizedText =>
  translate && text.es.trim() ? { en: text.en, es: text.es } : { en: text.en };
/** An optional text is left out when both languages are empty. */
const optionalText = (text: TextDraft, translate: boolean): LocalizedText | undefined =>
  text.en.trim() || (translate && text.es.trim()) ? required(text, translate) : undefined;

function toQuestion(q: QuestionDraft, translate: boolean): SurveyQuestion {
  const help = optionalText(q.help, translate);
  const base = {
    key: q.key,
    text: required(q.text, translate),
    optional: q.optional,
    ...(help ? { help } : {}),
  };
  if (q.kind === "likert") return { ...base, kind: "likert", points: q.points };
  if (q.kind === "single_choice" || q.kind === "multiple_choice")
    return {
      ...base,
      kind: q.kind,
      options: q.options.map((o) => ({ key: o.key, text: required(o.text, translate) })),
    };
  return { ...base, kind: q.kind };
}

/** The definition the API takes, exactly as typed: the shared schema then judges it. */
export function toDefinition(v: BuilderValues): SurveyDefinition {
  const introduction = optionalText(v.introduction, v.translate);
  return {
    title: required(v.title, v.translate),
    ...(introduction ? { introduction } : {}),
    sections: v.sections.map((s) => {
      const description = optionalText(s.description, v.translate);
      return {
        key: s.key,
        title: required(s.title, v.translate),
        ...(description ? { description } : {}),
        questions: s.questions.map((q) => toQuestion(q, v.translate)),
      };
    }),
  };
}

/** The list with the item at `index` moved one place up (-1) or down (1). */
export function moved<T>(list: T[], index: number, direction: -1 | 1): T[] {
  const target = index + direction;
  const item = list[index];
  if (item === undefined || target < 0 || target >= list.length) return list;
  const next = [...list];
  next.splice(index, 1);
  next.splice(target, 0, item);
  return next;
}
