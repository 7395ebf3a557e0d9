import { z } from "zod";
import { communitySummarySchema } from "./communities.ts";

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
});
export type Home = z.infer<typeof homeSchema>;
