import { z } from "zod";
import { pageOf, pageQuerySchema, requiredText, text } from "./common.ts";

/**
 * Community discussions: threads of Markdown posts. A mention is written `@[Name](person-id)`; the editor
 * inserts it from the person picker, and the server shows it as "@Name" when that person can read the
 * community (anything else stays plain text and notifies nobody).
 */

export const MAX_THREAD_TITLE = 200;
export const MAX_POST_BODY = 20_000;

/** The mention token the editor inserts and the server resolves. */
export const MENTION_PATTERN = /@\[([^\]\n]{1,100})\]\(([0-9a-fA-F-]{36})\)/g;
export const mentionToken = (name: string, personId: string) =>
  `@[${name.replace(/[[\]\n]/g, " ").trim()}](${personId})`;

const bodySchema = requiredText(MAX_POST_BODY, "what you want to say");

export const threadInputSchema = z
  .object({
    title: requiredText(MAX_THREAD_TITLE, "a title for the discussion"),
    body: bodySchema,
  })
  .strict();
export type ThreadInput = z.output<typeof threadInputSchema>;

export const replyInputSchema = z
  .object({
    body: bodySchema,
    /** The post it answers, when it answers one post rather than the thread. */
    replyToId: z.uuid({ message: "Choose a post of this discussion to answer." }).nullable().default(null),
  })
  .strict();
export type ReplyInput = z.output<typeof replyInputSchema>;
export type ReplyFormInput = z.input<typeof replyInputSchema>;

export const postEditSchema = z
  .object({
    body: bodySchema,
    /** The version the editor started from; an edit of an older one is refused (409), not lost. */
    version: z.number({ message: "Reload the post before editing it." }).int().min(1),
  })
  .strict();
export type PostEdit = z.output<typeof postEditSchema>;

export const threadListQuerySchema = pageQuerySchema.strict();
export const mentionQuerySchema = z.object({ q: text(100).default("") }).strict();

const personRef = z.object({ id: z.string(), name: z.string() });

export const threadSummarySchema = z.object({
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  author: personRef,
  pinned: z.boolean(),
  /** Replies still shown (removed ones are not counted). */
  replyCount: z.number().int(),
  lastPostAt: z.string(),
  createdAt: z.string(),
  following: z.boolean(),
});
export type ThreadSummary = z.infer<typeof threadSummarySchema>;

export const threadListSchema = pageOf(threadSummarySchema).extend({
  community: z.object({ id: z.string(), name: z.string(), archived: z.boolean() }),
  can: z.object({ create: z.boolean() }),
});
export type ThreadList = z.infer<typeof threadListSchema>;

export const postSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  author: personRef,
  replyToId: z.string().nullable(),
  /** The Markdown source (null once removed); the author edits it. */
  body: z.string().nullable(),
  /** Rendered and sanitised on the server; null once removed. */
  html: z.string().nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  edited: z.boolean(),
  deleted: z.boolean(),
  /** Send it back with an edit: 1, then one more per edit. */
  version: z.number().int(),
  can: z.object({ edit: z.boolean(), delete: z.boolean(), history: z.boolean() }),
});
export type Post = z.infer<typeof postSchema>;

export const threadSchema = threadSummarySchema.extend({
  communityName: z.string(),
  archived: z.boolean(),
  posts: z.array(postSchema),
  can: z.object({ reply: z.boolean(), pin: z.boolean(), follow: z.boolean() }),
});
export type Thread = z.infer<typeof threadSchema>;

export const revisionSchema = z.object({
  id: z.string(),
  /** The text as it was until `replacedAt`. */
  html: z.string(),
  body: z.string(),
  replacedAt: z.string(),
  replacedBy: personRef,
});
export const revisionListSchema = z.object({ items: z.array(revisionSchema) });
export type Revision = z.infer<typeof revisionSchema>;

export const mentionCandidateSchema = z.object({ id: z.string(), name: z.string(), title: z.string() });
export const mentionCandidateListSchema = z.object({ items: z.array(mentionCandidateSchema) });
export type MentionCandidate = z.infer<typeof mentionCandidateSchema>;

export const followSchema = z.object({ following: z.boolean() });

/** The preview of what is being written, rendered exactly as it will be shown. */
export const previewInputSchema = z.object({ body: text(MAX_POST_BODY) }).strict();
export const previewSchema = z.object({ html: z.string() });
