import { z } from "zod";

/**
 * What a survey is, as data: the library stores it in immutable versions, the response form renders it,
 * the server checks answers against it and the results are laid out by it. One schema for all of them.
 *
 * Questions carry a stable `key`. Answers are stored by key, so results can line up administrations of
 * different versions: a version that changes what a question asks for (its kind, scale or options) must
 * give it a new key (see versioning.ts), while rewording keeps the key.
 */

/** Languages a survey's texts may be written in. English is required; the others are translations. */
export const surveyLanguages = ["en", "es"] as const;
export type SurveyLanguage = (typeof surveyLanguages)[number];

const keySchema = z.string({ message: "Give it a key." }).regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, {
  message: "Use 1–40 lower-case letters, digits, '-' or '_' for the key.",
});

/** A text with its translations: `en` always, other languages where written. */
export const localizedTextSchema = (max: number, what: string) =>
  z.object({
    en: z
      .string({ message: `Enter ${what}.` })
      .trim()
      .min(1, { message: `Enter ${what}.` })
      .max(max, { message: `Keep ${what} to ${max} characters.` }),
    es: z
      .string()
      .trim()
      .max(max, { message: `Keep the translation to ${max} characters.` })
      .optional(),
  });
export type LocalizedText = z.infer<ReturnType<typeof localizedTextSchema>>;

/** The text in the reader's language, or English where no translation was written. */
export function localized(text: LocalizedText, language: string): string {
  const translated = (text as Record<string, string | undefined>)[language];
  return translated?.trim() ? translated : text.en;
}

const questionBase = {
  key: keySchema,
  text: localizedTextSchema(500, "the question"),
  /** Shown under the question: what it means, an example. */
  help: localizedTextSchema(500, "the help text").optional(),
  optional: z.boolean().default(false),
};

export const likertPoints = [4, 5] as const;

const optionSchema = z.object({ key: keySchema, text: localizedTextSchema(200, "the option") });

export const likertQuestionSchema = z.object({
  ...questionBase,
  kind: z.literal("likert"),
  /** 4: strongly disagree … strongly agree; 5 adds "neither agree nor disagree" in the middle. */
  points: z.union([z.literal(4), z.literal(5)], { message: "Choose a 4- or 5-point scale." }),
});

export const choiceQuestionSchema = z.object({
  ...questionBase,
  kind: z.enum(["single_choice", "multiple_choice"]),
  options: z
    .array(optionSchema)
    .min(2, { message: "Offer at least two options." })
    .max(20, { message: "Offer at most 20 options." }),
});

export const textQuestionSchema = z.object({
  ...questionBase,
  kind: z.enum(["short_text", "long_text"]),
});

export const surveyQuestionSchema = z.discriminatedUnion("kind", [
  likertQuestionSchema,
  choiceQuestionSchema,
  textQuestionSchema,
]);
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;
export type QuestionKind = SurveyQuestion["kind"];

/** Short answers are one line; long ones a few paragraphs. */
export const TEXT_ANSWER_MAX = { short_text: 300, long_text: 5000 } as const;

export const surveySectionSchema = z.object({
  key: keySchema,
  title: localizedTextSchema(200, "the section's title"),
  description: localizedTextSchema(1000, "the section's description").optional(),
  questions: z
    .array(surveyQuestionSchema)
    .min(1, { message: "A section needs at least one question." })
    .max(60, { message: "Keep a section to 60 questions." }),
});
export type SurveySection = z.infer<typeof surveySectionSchema>;

export const surveyDefinitionSchema = z
  .object({
    title: localizedTextSchema(200, "the survey's title"),
    /** Shown before the first question: why we ask, how long it takes. */
    introduction: localizedTextSchema(2000, "the introduction").optional(),
    sections: z
      .array(surveySectionSchema)
      .min(1, { message: "A survey needs at least one section." })
      .max(20, { message: "Keep a survey to 20 sections." }),
  })
  .superRefine((definition, ctx) => {
    const seen = new Set<string>();
    definition.sections.forEach((section, s) => {
      section.questions.forEach((question, q) => {
        if (seen.has(question.key)) {
          ctx.addIssue({
            code: "custom",
            path: ["sections", s, "questions", q, "key"],
            message: `Another question already uses the key "${question.key}".`,
          });
        }
        seen.add(question.key);
      });
    });
  });
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;

/** Every question of a definition with the section it sits in, in order. */
export function questionsOf(
  definition: SurveyDefinition,
): { section: SurveySection; question: SurveyQuestion }[] {
  return definition.sections.flatMap((section) =>
    section.questions.map((question) => ({ section, question })),
  );
}

/**
 * One person's answer to one question, as the API and the database carry it: a scale point (1…points),
 * the chosen option keys, or a text. Which one depends on the question's kind.
 */
export const surveyAnswerSchema = z.object({
  value: z.number().int().optional(),
  choices: z.array(z.string().max(40)).max(20).optional(),
  text: z.string().max(TEXT_ANSWER_MAX.long_text, { message: "Keep the answer shorter." }).optional(),
});
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;
/** A response's answers by question key. */
export const surveyAnswersSchema = z.record(z.string().max(40), surveyAnswerSchema);
export type SurveyAnswers = z.infer<typeof surveyAnswersSchema>;

/** The instruments shipped with Lamplight (the built-in surveys). */
export const builtinSurveyKeys = ["community-health"] as const;
export type BuiltinSurveyKey = (typeof builtinSurveyKeys)[number];

/** Who a survey is sent to. */
export const audienceKinds = ["community", "school", "district"] as const;
export type AudienceKind = (typeof audienceKinds)[number];

/** Below this many responses, an anonymous survey's results (and any filtered slice) stay hidden. */
export const DEFAULT_MINIMUM_RESPONSES = 5;
