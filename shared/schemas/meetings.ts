import { z } from "zod";
import { protocolDefinitionSchema } from "../protocols/definition.ts";
import { idSchema, pageQuerySchema, requiredText, text, timeZoneSchema } from "./common.ts";
import { agendaItemKinds, meetingRoles, meetingStatuses } from "./meeting-enums.ts";

/** The longest meeting we schedule (a full day of professional learning). */
export const MAX_MEETING_MINUTES = 12 * 60;
/** A series is written out as meeting rows, so it is capped (decision 0008). */
export const MAX_OCCURRENCES = 200;
export const MAX_SERIES_YEARS = 2;

export const weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export const weekdaySchema = z.enum(weekdays, { message: "Choose a day of the week." });
export type Weekday = z.infer<typeof weekdaySchema>;

/** "First", "second", … "last" weekday of the month (RFC 5545 BYDAY=1MO … -1MO). */
export const monthWeeks = [1, 2, 3, 4, -1] as const;

const dateSchema = z
  .string({ message: "Enter a date." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Enter the date as YYYY-MM-DD." })
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: "This date does not exist.",
    },
  );
const timeSchema = z
  .string({ message: "Enter a start time." })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Enter the time as HH:MM, for example 15:30." });
const durationSchema = z
  .number({ message: "Enter the length in minutes." })
  .int({ message: "Use whole minutes." })
  .min(1, { message: "A meeting lasts at least 1 minute." })
  .max(MAX_MEETING_MINUTES, { message: "Keep a meeting to at most 12 hours (720 minutes)." });
/** Video links are opened by everyone's browser: only https, never javascript: or plain http. */
const httpsUrl = (what: string) =>
  z
    .string()
    .trim()
    .max(2000, { message: "Keep the link under 2000 characters." })
    .refine((v) => v === "" || isHttpsUrl(v), {
      message: `Paste the full ${what} link, starting with https://`,
    });

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".");
  } catch {
    return false;
  }
}

export const recurrenceSchema = z
  .object({
    frequency: z.enum(["weekly", "monthly"], { message: "Choose weekly or monthly." }),
    interval: z
      .number({ message: "Enter how often, as a number." })
      .int({ message: "Use a whole number." })
      .min(1, { message: "Repeat at least every 1 week or month." })
      .max(52, { message: "Repeat at most every 52 weeks or months." })
      .default(1),
    /** Weekly: the days it meets. Monthly: the one weekday (defaults to the first meeting's). */
    weekdays: z.array(weekdaySchema).max(7).default([]),
    /** Monthly: which of that weekday in the month (1–4, or -1 for the last). */
    monthWeek: z
      .union(
        monthWeeks.map((n) => z.literal(n)),
        { message: "Choose first, second, third, fourth or last." },
      )
      .optional(),
    until: dateSchema.optional(),
    count: z
      .number({ message: "Enter how many meetings, as a number." })
      .int({ message: "Use a whole number." })
      .min(1, { message: "A series has at least 1 meeting." })
      .max(MAX_OCCURRENCES, { message: `A series has at most ${MAX_OCCURRENCES} meetings.` })
      .optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.frequency === "weekly" && r.weekdays.length === 0)
      ctx.addIssue({ code: "custom", path: ["weekdays"], message: "Choose at least one day of the week." });
    if (r.frequency === "monthly" && r.weekdays.length > 1)
      ctx.addIssue({
        code: "custom",
        path: ["weekdays"],
        message: "A monthly meeting falls on one weekday.",
      });
    if (r.frequency === "monthly" && r.monthWeek === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["monthWeek"],
        message: "Choose which week of the month (first, second, third, fourth or last).",
      });
    if (r.until !== undefined && r.count !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["count"],
        message: "Choose an end date or a number of meetings, not both.",
      });
  });
export type Recurrence = z.output<typeof recurrenceSchema>;
export type RecurrenceInput = z.input<typeof recurrenceSchema>;

const meetingFields = {
  title: requiredText(120, "a title for the meeting"),
  /** The day of the (first) meeting, in timeZone. */
  date: dateSchema,
  /** Wall-clock start in timeZone (24-hour HH:MM). */
  startTime: timeSchema,
  durationMinutes: durationSchema,
  timeZone: timeZoneSchema,
  place: text(200),
  videoUrl: httpsUrl("video-call"),
  description: text(4000),
};

export const meetingInputSchema = z
  .object({
    ...meetingFields,
    place: meetingFields.place.default(""),
    videoUrl: meetingFields.videoUrl.default(""),
    description: meetingFields.description.default(""),
    recurrence: recurrenceSchema.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.recurrence?.until !== undefined && m.recurrence.until < m.date)
      ctx.addIssue({
        code: "custom",
        path: ["recurrence", "until"],
        message: "The series can't end before its first meeting. Choose a later end date.",
      });
  });
export type MeetingInput = z.output<typeof meetingInputSchema>;
export type MeetingInputForm = z.input<typeof meetingInputSchema>;

const atLeastOne = (v: object) => Object.keys(v).length > 0;

/** PATCH of one occurrence: only the fields sent change; a new date or time moves it. */
export const meetingUpdateSchema = z
  .object(meetingFields)
  .partial()
  .strict()
  .refine(atLeastOne, { message: "Change at least one field." });
export type MeetingUpdate = z.infer<typeof meetingUpdateSchema>;

/**
 * PATCH of a series: title, length, place and link apply to this and future occurrences nobody moved;
 * a new rule, start time, time zone or starting date regenerates future occurrences that have no agenda.
 */
export const seriesUpdateSchema = z
  .object({
    title: meetingFields.title,
    durationMinutes: meetingFields.durationMinutes,
    place: meetingFields.place,
    videoUrl: meetingFields.videoUrl,
    date: meetingFields.date,
    startTime: meetingFields.startTime,
    timeZone: meetingFields.timeZone,
    recurrence: recurrenceSchema,
  })
  .partial()
  .strict()
  .refine(atLeastOne, { message: "Change at least one field." });
export type SeriesUpdate = z.infer<typeof seriesUpdateSchema>;

export const seriesCancelSchema = z
  .object({
    from: dateSchema.describe("Cancel every occurrence on or after this day (the series' time zone)."),
  })
  .strict();

export const meetingListQuerySchema = pageQuerySchema.extend({
  when: z.enum(["upcoming", "past"], { message: "Choose upcoming or past." }).default("upcoming"),
});

const minutesSchema = z
  .number({ message: "Enter the minutes as a number." })
  .int({ message: "Use whole minutes." })
  .min(1, { message: "An item needs at least 1 minute." })
  .max(MAX_MEETING_MINUTES, { message: "Keep an item to at most 720 minutes." });

const agendaFields = {
  title: text(200),
  minutes: minutesSchema,
  /** A protocol of the library; the server stores its current version. */
  protocolId: idSchema.nullable(),
  presenterId: idSchema.nullable(),
  focusingQuestion: text(1000),
  material: text(2000),
  materialUrl: httpsUrl("material"),
  /** The community's artifact presented (a protocol run): feedback given in the room shows on it. */
  artifactId: idSchema.nullable(),
  details: text(4000),
};

export const agendaItemInputSchema = z
  .object({
    kind: z.enum(agendaItemKinds, { message: "Choose what kind of item this is." }),
    ...agendaFields,
  })
  .partial({
    title: true,
    minutes: true,
    protocolId: true,
    presenterId: true,
    focusingQuestion: true,
    material: true,
    materialUrl: true,
    artifactId: true,
    details: true,
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.kind === "protocol" && !item.protocolId)
      ctx.addIssue({ code: "custom", path: ["protocolId"], message: "Choose the protocol to run." });
    if (item.kind !== "protocol" && item.protocolId)
      ctx.addIssue({ code: "custom", path: ["protocolId"], message: "Only a protocol run uses a protocol." });
    // A discussion needs a topic; the other kinds have a usual name ("Announcements", …).
    if (item.kind === "discussion" && !item.title)
      ctx.addIssue({ code: "custom", path: ["title"], message: "Enter what the discussion is about." });
  });
export type AgendaItemInput = z.infer<typeof agendaItemInputSchema>;
export type AgendaItemInputForm = z.input<typeof agendaItemInputSchema>;

export const agendaItemUpdateSchema = z
  .object(agendaFields)
  .partial()
  .strict()
  .refine(atLeastOne, { message: "Change at least one field." });
export type AgendaItemUpdate = z.infer<typeof agendaItemUpdateSchema>;

export const agendaOrderSchema = z
  .object({ itemIds: z.array(idSchema).max(100, { message: "An agenda has at most 100 items." }) })
  .strict();

export const roleAssignmentsSchema = z
  .object({
    assignments: z
      .array(
        z
          .object({
            role: z.enum(meetingRoles, { message: "Choose facilitator, timekeeper or note-taker." }),
            personId: idSchema,
          })
          .strict(),
      )
      .max(15, { message: "Assign at most 15 roles." }),
  })
  .strict();
export type RoleAssignments = z.infer<typeof roleAssignmentsSchema>;

// ---- Responses ----

export const meetingCanSchema = z.object({
  edit: z.boolean(),
  cancel: z.boolean(),
  restore: z.boolean(),
  editAgenda: z.boolean(),
  editRoles: z.boolean(),
  editSeries: z.boolean(),
  run: z.boolean(),
});
export type MeetingCan = z.infer<typeof meetingCanSchema>;

export const meetingSummarySchema = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  durationMinutes: z.number(),
  timeZone: z.string(),
  place: z.string(),
  videoUrl: z.string(),
  status: z.enum(meetingStatuses),
  seriesId: z.string().nullable(),
  agendaItemCount: z.number(),
  hasMinutes: z.boolean(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;
export const meetingPageSchema = z.object({
  items: z.array(meetingSummarySchema),
  nextCursor: z.string().nullable(),
});

export const personRefSchema = z.object({ id: z.string(), name: z.string() });

export const agendaItemSchema = z.object({
  id: z.string(),
  position: z.number(),
  kind: z.enum(agendaItemKinds),
  title: z.string(),
  minutes: z.number(),
  protocol: z
    .object({
      id: z.string(),
      versionId: z.string(),
      version: z.number(),
      name: z.string(),
      totalMinutes: z.number(),
      definition: protocolDefinitionSchema,
    })
    .nullable(),
  presenter: personRefSchema.nullable(),
  focusingQuestion: z.string(),
  material: z.string(),
  materialUrl: z.string(),
  artifact: z.object({ id: z.string(), title: z.string() }).nullable(),
  details: z.string(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const seriesSummarySchema = z.object({
  id: z.string(),
  /** The rule in words, e.g. "Every week on Thursday at 3:30 PM (America/Chicago), until June 10, 2027". */
  summary: z.string(),
  rrule: z.string(),
  recurrence: recurrenceSchema,
  startTime: z.string(),
  timeZone: z.string(),
  /** Scheduled future meetings of the series (on a meeting page: besides the one shown). */
  upcomingCount: z.number(),
});

export const meetingSchema = meetingSummarySchema.extend({
  description: z.string(),
  occurrenceStart: z.string().nullable(),
  /** An occurrence moved away from the time its series gave it. */
  moved: z.boolean(),
  series: seriesSummarySchema.nullable(),
  roles: z.array(z.object({ role: z.enum(meetingRoles), person: personRefSchema })),
  agenda: z.array(agendaItemSchema),
  agendaMinutes: z.number(),
  /** Active members of the community, for the role and presenter pickers. */
  members: z.array(personRefSchema.extend({ communityRole: z.string() })),
  can: meetingCanSchema,
});
export type Meeting = z.infer<typeof meetingSchema>;

/** A created meeting, or the first occurrence of a created series with how many were written out. */
export const meetingCreatedSchema = meetingSchema.extend({ occurrenceCount: z.number() });

/** The answer to a series edit or cancellation: the series now, and what happened to its occurrences. */
export const seriesChangeSchema = z.object({
  series: seriesSummarySchema,
  /** Future occurrences changed in place. */
  updated: z.number(),
  /** Occurrences the new rule added. */
  added: z.number(),
  /** Future occurrences without an agenda that the new rule no longer has. */
  removed: z.number(),
  cancelled: z.number(),
});
export type SeriesChange = z.infer<typeof seriesChangeSchema>;
