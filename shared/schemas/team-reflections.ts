import { z } from "zod";
import { idSchema, text } from "./common.ts";

/*
 * A community's team reflections (issue 7): on the learning-communities standard (shared/reflection/
 * standard.ts), or after one of its ended meetings or one of its cycles (shared/reflection/team-prompts.ts).
 * The team writes together: every save carries the version it was based on, and a stale one is refused.
 */

/** As server/db/schema/reflection.ts teamReflectionKinds (shared code does not import the server). */
export const teamReflectionKinds = ["standard", "meeting", "cycle"] as const;
export const teamReflectionKindSchema = z.enum(teamReflectionKinds, {
  message: "Choose a standard, meeting or cycle reflection.",
});
export type TeamReflectionKind = z.infer<typeof teamReflectionKindSchema>;

export const teamReflectionCreateSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("standard"),
      /** Defaults to the term of today in the writer's time zone ("Autumn 2026"). */
      title: text(120).optional(),
    }),
    z.object({ kind: z.literal("meeting"), meetingId: idSchema }),
    z.object({ kind: z.literal("cycle"), cycleId: idSchema }),
  ],
  { message: "Choose a standard, meeting or cycle reflection." },
);
export type TeamReflectionCreate = z.infer<typeof teamReflectionCreateSchema>;

export const teamReflectionSaveSchema = z.object({
  /** Laid out by the reflection's kind; checked against it on the server. */
  content: z.record(z.string(), z.unknown(), { message: "Send the reflection's content as an object." }),
  version: z.number({ message: "Send the version you edited." }).int().min(1),
});
export type TeamReflectionSave = z.infer<typeof teamReflectionSaveSchema>;

const person = z.object({ id: z.string(), name: z.string() });
/** A standard reflection's rating per element key (null: not rated yet). Empty for other kinds. */
const ratings = z.record(z.string(), z.number().nullable());

export const teamReflectionSummarySchema = z.object({
  id: z.string(),
  communityId: z.string(),
  kind: teamReflectionKindSchema,
  title: z.string(),
  meetingId: z.string().nullable(),
  cycleId: z.string().nullable(),
  createdBy: person,
  createdAt: z.string(),
  /** Who saved it last (the creator until someone saves), and when. */
  lastEditedBy: person,
  updatedAt: z.string(),
  ratings,
});
export type TeamReflectionSummary = z.infer<typeof teamReflectionSummarySchema>;

export const ratingsTrendPointSchema = z.object({
  reflectionId: z.string(),
  title: z.string(),
  createdAt: z.string(),
  ratings,
});
export type RatingsTrendPoint = z.infer<typeof ratingsTrendPointSchema>;

export const teamReflectionListSchema = z.object({
  /** Newest first. */
  items: z.array(teamReflectionSummarySchema),
  /** The standard reflections' ratings, oldest first: where the team stood, term to term. */
  trend: z.array(ratingsTrendPointSchema),
  can: z.object({ create: z.boolean() }),
});
export type TeamReflectionList = z.infer<typeof teamReflectionListSchema>;

export const reflectionMeetingSchema = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  timeZone: z.string(),
  decisions: z.array(z.object({ id: z.string(), text: z.string() })),
  actionItems: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      owner: z.string().nullable(),
      dueOn: z.string().nullable(),
      status: z.string(),
    }),
  ),
});

export const reflectionCycleSchema = z.object({
  id: z.string(),
  title: z.string(),
  stage: z.number(),
  stageKey: z.string(),
  status: z.string(),
  decision: z.string().nullable(),
});

export const teamReflectionSchema = teamReflectionSummarySchema.extend({
  communityName: z.string(),
  content: z.record(z.string(), z.unknown()),
  version: z.number(),
  meeting: reflectionMeetingSchema.nullable(),
  cycle: reflectionCycleSchema.nullable(),
  can: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type TeamReflection = z.infer<typeof teamReflectionSchema>;
