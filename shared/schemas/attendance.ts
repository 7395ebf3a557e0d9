import { z } from "zod";
import { attendanceSources } from "./meeting-enums.ts";

/** One person on a meeting's attendance list: every member of the community, and anyone else who joined. */
export const attendanceEntrySchema = z.object({
  personId: z.string(),
  name: z.string(),
  /** Community role, or null for someone who joined without being a member (a district administrator). */
  role: z.string().nullable(),
  present: z.boolean(),
  /** How presence was recorded: by joining the live room, or by hand; null when never recorded (absent). */
  source: z.enum(attendanceSources).nullable(),
  firstJoinedAt: z.string().nullable(),
});
export type AttendanceEntry = z.infer<typeof attendanceEntrySchema>;

export const attendanceSchema = z.object({
  items: z.array(attendanceEntrySchema),
  can: z.object({ edit: z.boolean() }),
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const attendanceUpdateSchema = z.object({
  present: z.boolean({ message: "Say whether the person was there." }),
});
export type AttendanceUpdate = z.infer<typeof attendanceUpdateSchema>;
