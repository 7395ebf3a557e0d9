import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgId, tsvector, updatedAt } from "./columns.ts";
import { communities } from "./communities.ts";
import { people } from "./people.ts";

/** A discussion thread in a community; its opening post is the first row of posts. */
export const threads = pgTable(
  "threads",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => people.id),
    pinnedAt: timestamp("pinned_at", { withTimezone: true }),
    pinnedBy: uuid("pinned_by").references(() => people.id),
    lastPostAt: timestamp("last_post_at", { withTimezone: true }).notNull().defaultNow(),
    replyCount: integer("reply_count").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector("search").generatedAlwaysAs(sql`setweight(to_tsvector('english', "title"), 'A')`),
  },
  (t) => [
    index("threads_community_idx").on(t.orgId, t.communityId, t.pinnedAt, t.lastPostAt),
    index("threads_search_idx").using("gin", t.search),
    index("threads_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
  ],
);

/** A post in a thread (Markdown source; rendered and sanitised when shown). */
export const posts = pgTable(
  "posts",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    /** The thread's community, kept on the post so search filters posts without a join. */
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => people.id),
    /** The post it answers (null for the opening post and for replies to the thread). */
    replyToId: uuid("reply_to_id"),
    body: text("body").notNull(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdAt: createdAt(),
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector('english', "body")`),
  },
  (t) => [
    index("posts_thread_idx").on(t.orgId, t.threadId, t.createdAt),
    index("posts_search_idx").using("gin", t.search),
    // Search keeps to the communities a person may read: a bitmap of their posts meets the words' one.
    index("posts_community_idx").on(t.orgId, t.communityId),
  ],
);

/** Earlier text of an edited post: its history. */
export const postRevisions = pgTable(
  "post_revisions",
  {
    id: uuid("id").primaryKey(),
    orgId: orgId(),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    /** When this text was replaced. */
    replacedAt: createdAt(),
    replacedBy: uuid("replaced_by")
      .notNull()
      .references(() => people.id),
  },
  (t) => [index("post_revisions_post_idx").on(t.orgId, t.postId, t.replacedAt)],
);

/** People following a thread are notified of its replies. */
export const threadFollows = pgTable(
  "thread_follows",
  {
    orgId: orgId(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.personId] })],
);
