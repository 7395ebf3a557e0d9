import { z } from "zod";
import { type SurveyDefinition, surveyDefinitionSchema } from "../surveys/definition.ts";
import { idSchema, requiredText } from "./common.ts";

/*
 * The survey library's API (capability 7): the list, one survey with its versions, writing a survey,
 * copying one and archiving it. Sending and answering are shared/schemas/survey-administrations.ts.
 */

/** Keys the shared schema does not check: sections and a question's options need distinct keys too. */
function distinctKeys(definition: SurveyDefinition, ctx: z.RefinementCtx) {
  const sections = new Set<string>();
  definition.sections.forEach((section, s) => {
    if (sections.has(section.key))
      ctx.addIssue({
        code: "custom",
        path: ["sections", s, "key"],
        message: `Another section already uses the key "${section.key}".`,
      });
    sections.add(section.key);
    section.questions.forEach((question, q) => {
      if (question.kind !== "single_choice" && question.kind !== "multiple_choice") return;
      const options = new Set<string>();
      question.options.forEach((option, o) => {
        if (options.has(option.key))
          ctx.addIssue({
            code: "custom",
            path: ["sections", s, "questions", q, "options", o, "key"],
            message: `Another option of this question already uses the key "${option.key}".`,
          });
        options.add(option.key);
      });
    });
  });
}

/** A survey's definition as written in the builder: the shared schema plus distinct section and option keys. */
export const surveyDefinitionInputSchema = surveyDefinitionSchema.superRefine(distinctKeys);

export const surveyInputSchema = z
  .object({
    definition: surveyDefinitionInputSchema,
    /** The community whose own survey this is; null = the district's library. */
    communityId: idSchema.nullable().default(null),
  })
  .strict();
export type SurveyInput = z.input<typeof surveyInputSchema>;

/**
 * An edit sends the whole definition and the survey's version it started from: someone else's save in
 * between is refused (409) rather than silently overwritten.
 */
export const surveyEditSchema = z
  .object({
    definition: surveyDefinitionInputSchema,
    version: z
      .number({ message: "Send the version you edited." })
      .int({ message: "Send the version you edited." }),
  })
  .strict();
export type SurveyEdit = z.input<typeof surveyEditSchema>;

export const surveyCopySchema = z
  .object({
    /** Where the copy goes: null = the district's library, or one of the caller's communities. */
    communityId: idSchema.nullable().default(null),
    /** The copy's (English) title; none: the original's. */
    title: requiredText(200, "the copy's title").optional(),
  })
  .strict();
export type SurveyCopyInput = z.input<typeof surveyCopySchema>;

/**
 * What the routes take before the definition is judged: any object under `definition`. The service then
 * checks it against the definition schema and answers 422 naming each field (`definition.sections.0…`),
 * as for survey answers: well-formed JSON that is not a survey one could send.
 */
const definitionBody = z.record(z.string(), z.unknown(), { message: "Send the survey's definition." });
export const surveyInputBodySchema = z
  .object({ definition: definitionBody, communityId: idSchema.nullable().default(null) })
  .strict();
export const surveyEditBodySchema = z
  .object({ definition: definitionBody, version: surveyEditSchema.shape.version })
  .strict();
export type SurveyInputBody = z.output<typeof surveyInputBodySchema>;
export type SurveyEditBody = z.output<typeof surveyEditBodySchema>;

export const surveyArchiveSchema = z.object({ version: z.number().int() }).strict();

export const surveyKinds = ["builtin", "district", "community"] as const;
export type SurveyKind = (typeof surveyKinds)[number];

const named = z.object({ id: z.string(), name: z.string() });

export const surveyCanSchema = z.object({
  edit: z.boolean(),
  send: z.boolean(),
  copy: z.boolean(),
  archive: z.boolean(),
});

export const surveySummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(surveyKinds),
  builtinKey: z.string().nullable(),
  /** The community whose own survey it is. */
  community: named.nullable(),
  questionCount: z.number().int(),
  sectionCount: z.number().int(),
  /** The current version's number (1, 2, …). */
  versionNumber: z.number().int(),
  updatedAt: z.string(),
  can: surveyCanSchema,
});
export type SurveySummary = z.infer<typeof surveySummarySchema>;

/** Where the caller may put a new survey or a copy: the district's library and/or some communities. */
export const surveyPlacesSchema = z.object({
  district: z.boolean(),
  communities: z.array(named),
});
export type SurveyPlaces = z.infer<typeof surveyPlacesSchema>;

export const surveyListSchema = z.object({
  items: z.array(surveySummarySchema),
  can: z.object({ create: z.boolean() }),
  places: surveyPlacesSchema,
});
export type SurveyList = z.infer<typeof surveyListSchema>;

export const surveyVersionRefSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  createdAt: z.string(),
  /** Responses (drafts included) that answered this version: once any, it is never changed. */
  responses: z.number().int(),
});

export const surveySchema = surveySummarySchema.extend({
  definition: surveyDefinitionSchema,
  currentVersionId: z.string(),
  versions: z.array(surveyVersionRefSchema),
  /** Someone has answered the current version: saving an edit makes a new version. */
  hasResponses: z.boolean(),
  archived: z.boolean(),
  /** For stale-edit checks (send it back with an edit or an archive). */
  version: z.number().int(),
  /** Question keys the last save renamed because their meaning changed (see shared/surveys/versioning.ts). */
  renamed: z.array(z.object({ from: z.string(), to: z.string() })).optional(),
});
export type Survey = z.infer<typeof surveySchema>;
