import { z } from "zod";
import { requiredText } from "./common.ts";
import { communityRoleSchema } from "./communities.ts";
import { orgRoleSchema } from "./people.ts";

/** What the invitee sees before accepting (by token; no sign-in needed). */
export const invitationPreviewSchema = z.object({
  email: z.string(),
  /** The name the inviter typed, if any, to pre-fill the new account. */
  name: z.string(),
  organizationName: z.string(),
  invitedBy: z.string(),
  community: z.object({ id: z.string(), name: z.string(), role: communityRoleSchema }).nullable(),
  orgRole: orgRoleSchema,
  expiresAt: z.string(),
  /** True when an account for this email exists: the invitee signs in instead of choosing a password. */
  accountExists: z.boolean(),
  status: z.enum(["pending", "accepted", "expired", "revoked"]),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const passwordSchema = z
  .string()
  .min(10, { message: "Use at least 10 characters." })
  .max(128, { message: "Keep the password under 128 characters." });

/** Accepting as a new person: name and password create the account. Existing people send {}. */
export const invitationAcceptSchema = z
  .object({
    name: requiredText(120, "your name").optional(),
    password: passwordSchema.optional(),
  })
  .strict();
export type InvitationAccept = z.infer<typeof invitationAcceptSchema>;

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.string(),
  invitedBy: z.string(),
  expiresAt: z.string(),
  status: z.enum(["pending", "accepted", "expired", "revoked"]),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;
