import { z } from "zod";
import { gradeBands } from "./common.ts";
import { artifactKinds } from "./work-enums.ts";

/** Search: one box over artifacts, exemplars, discussions and communities the person may see. */

export const MAX_SEARCH_QUERY = 200;
export const SEARCH_PAGE_SIZE = 20;
/** Deeper than this, refine the words instead: ranking past 500 results is noise. */
export const MAX_SEARCH_OFFSET = 500;

/** Matches of each type counted (and ranked) at most; beyond it the count reads "1,000+". */
export const MAX_COUNTED = 300;

export const searchTypes = ["artifact", "exemplar", "discussion", "community"] as const;
export type SearchType = (typeof searchTypes)[number];
/** What a result is; discussions are threads (matched by title) and posts (matched by text). */
export const resultKinds = ["artifact", "exemplar", "thread", "post", "community"] as const;
export type ResultKind = (typeof resultKinds)[number];

const filter = (what: string) =>
  z
    .string()
    .trim()
    .max(60, { message: `Keep the ${what} under 60 characters.` })
    .optional()
    .transform((v) => (v ? v : undefined));

export const searchQuerySchema = z.object({
  q: z
    .string({ message: "Enter words to search for." })
    .trim()
    .min(1, { message: "Enter words to search for." })
    .max(MAX_SEARCH_QUERY, { message: `Keep the search under ${MAX_SEARCH_QUERY} characters.` }),
  type: z.enum(searchTypes, { message: "Choose artifact, exemplar, discussion or community." }).optional(),
  subject: filter("subject"),
  gradeBand: z.enum(gradeBands, { message: "Choose a grade band from the list." }).optional(),
  standard: filter("standard"),
  topic: filter("topic"),
  kind: z.enum(artifactKinds, { message: "Choose a kind of work from the list." }).optional(),
  communityId: z.uuid({ message: "This is not a valid community id." }).optional(),
  /** Include archived work and communities (left out unless asked). */
  archived: z
    .enum(["0", "1"], { message: "Use archived=1 to include archived work." })
    .optional()
    .transform((v) => v === "1"),
  cursor: z
    .string()
    .regex(/^\d{1,4}$/, { message: "This cursor is not valid; start the search again." })
    .optional(),
});
export type SearchQuery = z.output<typeof searchQuerySchema>;

/** A piece of a title or snippet; highlighted pieces are the matched words (shown in <mark>). */
export const segmentSchema = z.object({ text: z.string(), highlighted: z.boolean() });
export type Segment = z.infer<typeof segmentSchema>;

export const searchResultSchema = z.object({
  kind: z.enum(resultKinds),
  id: z.string(),
  title: z.string(),
  titleSegments: z.array(segmentSchema),
  /** Where it lives in the app. */
  path: z.string(),
  communityId: z.string().nullable(),
  /** Null for one's own copies, and for exemplars from communities the person cannot open. */
  communityName: z.string().nullable(),
  snippet: z.array(segmentSchema),
  /** The matching standards of work found by a standard code. */
  standards: z.array(z.string()),
  artifactKind: z.enum(artifactKinds).nullable(),
  updatedAt: z.string(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchResponseSchema = z.object({
  query: z.string(),
  items: z.array(searchResultSchema),
  /** Matches per type of the whole search, whatever type is chosen (for the tabs); at most MAX_COUNTED. */
  counts: z.object({
    artifact: z.number().int(),
    exemplar: z.number().int(),
    discussion: z.number().int(),
    community: z.number().int(),
  }),
  /** The words matched only approximately (typo tolerance): results are "close to" the words. */
  approximate: z.boolean(),
  nextCursor: z.string().nullable(),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;
