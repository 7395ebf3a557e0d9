import { z } from "zod";
import { notificationKinds } from "./work-enums.ts";

/** In-app notifications (the bell): feedback on my work, replies, mentions, invitations, exemplars. */

export const notificationKindSchema = z.enum(notificationKinds, {
  message: "Choose feedback, reply, mention, invitation or exemplar.",
});

export const notificationSchema = z.object({
  id: z.string(),
  kind: notificationKindSchema,
  /** Names and titles for the web app's sentence for this kind (words are not stored). */
  data: z.record(z.string(), z.string()),
  /** The app path it opens. */
  path: z.string(),
  /** Who caused it; null when it was given anonymously (or the person is gone). */
  actorName: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z
  .object({
    /** `unread` lists only what I have not read yet. */
    filter: z.enum(["all", "unread"], { message: "Choose all or unread." }).default("all"),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
});

export const unreadCountSchema = z.object({ unread: z.number().int() });
export const markedSchema = z.object({ marked: z.number().int() });

/** The kinds a person turned off; the whole set is sent on every change. */
export const notificationMutesSchema = z
  .object({
    muted: z
      .array(notificationKindSchema)
      .max(notificationKinds.length)
      .transform((kinds) => [...new Set(kinds)]),
  })
  .strict();
export type NotificationMutes = z.output<typeof notificationMutesSchema>;
export const notificationMutesResultSchema = z.object({ muted: z.array(notificationKindSchema) });
