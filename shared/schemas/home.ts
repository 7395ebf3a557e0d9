import { z } from "zod";
import { communitySummarySchema } from "./communities.ts";
import { meetingSummarySchema } from "./meetings.ts";

/** Something waiting for the signed-in person: an invitation to answer or a request to approve. */
export const needsMeSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("invitation"),
    invitationId: z.string(),
    communityId: z.string(),
    communityName: z.string(),
    role: z.string(),
    invitedBy: z.string(),
  }),
  z.object({
    kind: z.literal("join_request"),
    communityId: z.string(),
    communityName: z.string(),
    personId: z.string(),
    personName: z.string(),
  }),
]);
export type NeedsMe = z.infer<typeof needsMeSchema>;

export const homeSchema = z.object({
  communities: z.array(communitySummarySchema),
  needsMe: z.array(needsMeSchema),
  /**
   * My communities' meetings in the next 14 days (cancelled ones too, marked). The server always sends
   * it; optional only so that older fixtures of this shape stay valid.
   */
  upcomingMeetings: z.array(meetingSummarySchema),
});
export type Home = z.infer<typeof homeSchema>;
