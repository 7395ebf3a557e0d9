import { z } from "zod";

/** Trimmed single-line text with a friendly length limit. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Keep this under ${max} characters.` });
export const requiredText = (max: number, what: string) => text(max).min(1, { message: `Enter ${what}.` });

export const idSchema = z.uuid({ message: "This is not a valid id." });
export const idParamsSchema = z.object({ id: idSchema });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { message: "Keep the email under 254 characters." })
  .pipe(z.email({ message: "Enter an email address like name@school.org." }));

/** A short list of tags (subjects, grade bands, topics, interests). */
export const tagListSchema = z
  .array(requiredText(60, "a value"))
  .max(30, { message: "Choose at most 30." })
  .default([]);

export const gradeBands = ["PreK", "K-2", "3-5", "6-8", "9-12", "Adult"] as const;
export const gradeBandSchema = z.enum(gradeBands, { message: "Choose a grade band from the list." });

export const languages = ["en", "es"] as const;
export const languageSchema = z.enum(languages, { message: "Choose English or Spanish." });

export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: "Choose a time zone from the list." },
  );

/** RFC 9457 problem details, as every 4xx/5xx response carries. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** Cursor pagination for lists: opaque cursor in, next cursor out. */
export const pageQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
