import { z } from "zod";

/** The signed-in person's private calendar subscription (null until they create one). */
export const calendarFeedSchema = z.object({
  /** webcal-able https URL; whoever has it can read the person's meeting schedule. */
  url: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;
