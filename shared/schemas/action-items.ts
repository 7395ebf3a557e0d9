import { z } from "zod";
import { idSchema, requiredText } from "./common.ts";
import { actionItemStatuses } from "./meeting-enums.ts";

/** Action items: something someone will do, born in a meeting (or added by hand), carried to the next. */

export const MAX_ACTION_TITLE = 500;
/** A due date further ahead than this is almost certainly a typo (2062 for 2026). */
export const MAX_DUE_YEARS_AHEAD = 5;

const FORMAT_MESSAGE = "Enter the due date as a date, like 2026-05-14.";

export const actionItemStatusSchema = z.enum(actionItemStatuses, {
  message: "Choose open, done or dropped.",
});

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function withinReach(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return year >= 2000 && year <= new Date().getUTCFullYear() + MAX_DUE_YEARS_AHEAD;
}

/** A calendar date (YYYY-MM-DD) in a believable year; "before the meeting" is checked by the server. */
export const dueOnSchema = z.string({ message: FORMAT_MESSAGE }).superRefine((value, ctx) => {
  // One message per field: the first thing wrong is the thing to fix.
  const message = !/^\d{4}-\d{2}-\d{2}$/.test(value)
    ? FORMAT_MESSAGE
    : !isRealDate(value)
      ? "This date does not exist; check the day and month."
      : !withinReach(value)
        ? `Choose a due date in a year from 2000 to ${new Date().getUTCFullYear() + MAX_DUE_YEARS_AHEAD}.`
        : null;
  if (message) ctx.addIssue({ code: "custom", message });
});

const titleSchema = requiredText(MAX_ACTION_TITLE, "what needs doing");
const ownerIdSchema = z.uuid({ message: "Choose who will do it." });

export const actionItemInputSchema = z
  .object({
    title: titleSchema,
    ownerId: ownerIdSchema,
    dueOn: dueOnSchema.nullable().default(null),
    /** The agenda item it came from (meeting action items only). */
    agendaItemId: idSchema.nullable().default(null),
  })
  .strict();
export type ActionItemInput = z.output<typeof actionItemInputSchema>;
export type ActionItemFormInput = z.input<typeof actionItemInputSchema>;

/** A PATCH: only the fields sent change. The owner may change only the status. */
export const actionItemUpdateSchema = z
  .object({
    title: titleSchema,
    ownerId: ownerIdSchema,
    dueOn: dueOnSchema.nullable(),
    status: actionItemStatusSchema,
  })
  .partial()
  .strict();
export type ActionItemUpdate = z.output<typeof actionItemUpdateSchema>;

export const actionItemCanSchema = z.object({
  /** Change what, who and when (facilitators and the community's leaders). */
  edit: z.boolean(),
  /** Mark done, dropped or open again (the owner too). */
  changeStatus: z.boolean(),
});

export const actionItemSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  meetingId: z.string().nullable(),
  meetingTitle: z.string().nullable(),
  agendaItemId: z.string().nullable(),
  title: z.string(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  dueOn: z.string().nullable(),
  status: actionItemStatusSchema,
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  can: actionItemCanSchema,
});
export type ActionItem = z.infer<typeof actionItemSchema>;

const flag = z
  .enum(["1", "true", "0", "false"], { message: "Use mine=1 to list your own action items." })
  .transform((v) => v === "1" || v === "true");

export const myActionItemsQuerySchema = z
  .object({
    mine: flag.default(true),
    status: actionItemStatusSchema.optional(),
  })
  .strict();

export const communityActionItemsQuerySchema = z
  .object({ status: actionItemStatusSchema.optional() })
  .strict();

export const actionItemListSchema = z.object({ items: z.array(actionItemSchema) });
