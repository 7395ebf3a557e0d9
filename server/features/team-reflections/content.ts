import type { z } from "zod";
import { standardContentSchema, standardElementKeys } from "../../../shared/reflection/standard.ts";
import { cycleContentSchema, meetingContentSchema } from "../../../shared/reflection/team-prompts.ts";
import type { TeamReflectionKind } from "../../../shared/schemas/team-reflections.ts";
import { AppError } from "../../http/errors.ts";

const schemas: Record<TeamReflectionKind, z.ZodType> = {
  standard: standardContentSchema,
  meeting: meetingContentSchema,
  cycle: cycleContentSchema,
};

/**
 * A reflection's content checked against its kind's layout: every problem named by its field path
 * ("content.elements.continuous-improvement.rating"), as the web form names its fields.
 */
export function parseContent(kind: TeamReflectionKind, content: unknown): Record<string, unknown> {
  const parsed = schemas[kind].safeParse(content);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const errors = parsed.error.issues.flatMap((issue) => {
    const base = ["content", ...issue.path.map(String)].join(".");
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => ({ path: `${base}.${key}`, message: issue.message }));
    return [{ path: base, message: issue.message }];
  });
  // 422, as for survey answers: well-formed JSON that does not fit this kind of reflection.
  throw new AppError(422, "validation", "Please check the highlighted fields", errors[0]?.message, errors);
}

/** A standard reflection's rating per element (null where not rated); empty for other kinds. */
export function ratingsOf(kind: TeamReflectionKind, content: unknown): Record<string, number | null> {
  if (kind !== "standard") return {};
  const elements = ((content ?? {}) as { elements?: Record<string, { rating?: unknown } | undefined> })
    .elements;
  return Object.fromEntries(
    standardElementKeys.map((key) => {
      const rating = elements?.[key]?.rating;
      return [key, typeof rating === "number" ? rating : null];
    }),
  );
}

export const emptyContent = (kind: TeamReflectionKind) =>
  kind === "standard" ? { elements: {} } : { answers: {} };
