import { z } from "zod";
import {
  emailSchema,
  gradeBandSchema,
  idSchema,
  languageSchema,
  requiredText,
  tagListSchema,
  text,
  timeZoneSchema,
} from "./common.ts";

export const orgRoles = ["administrator", "school_leader", "educator", "partner"] as const;
export const orgRoleSchema = z.enum(orgRoles, { message: "Choose a role from the list." });
export type OrgRole = z.infer<typeof orgRoleSchema>;

export const personStatuses = ["active", "deactivated"] as const;
export type PersonStatus = (typeof personStatuses)[number];

export const profileSchema = z.object({
  name: requiredText(120, "your name"),
  pronouns: text(40),
  title: text(120),
  schoolIds: z.array(idSchema).max(20),
  subjects: tagListSchema.unwrap(),
  gradeBands: z.array(gradeBandSchema).max(6),
  interests: tagListSchema.unwrap(),
  timeZone: timeZoneSchema,
  language: languageSchema,
});
/** A PATCH of one's own profile: only the fields sent change. */
export const profileUpdateSchema = profileSchema
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Change at least one field." });
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

export const personSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  pronouns: z.string(),
  title: z.string(),
  orgRole: orgRoleSchema,
  status: z.enum(personStatuses),
  schoolIds: z.array(idSchema),
  subjects: z.array(z.string()),
  gradeBands: z.array(z.string()),
  interests: z.array(z.string()),
  timeZone: z.string(),
  language: z.string(),
  createdAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const meSchema = z.object({
  person: personSchema,
  organization: z.object({ id: idSchema, name: z.string() }),
  can: z.object({
    manageOrganization: z.boolean(),
    createCommunity: z.boolean(),
    readAudit: z.boolean(),
    readOutbox: z.boolean(),
  }),
});
export type Me = z.infer<typeof meSchema>;

/** An administrator invites someone into the district (creates their account on acceptance). */
export const personInviteSchema = z
  .object({
    email: emailSchema,
    name: text(120).default(""),
    orgRole: orgRoleSchema,
    schoolIds: z.array(idSchema).max(20).default([]),
  })
  .strict();
export type PersonInvite = z.infer<typeof personInviteSchema>;

export const personAdminUpdateSchema = z
  .object({
    orgRole: orgRoleSchema.optional(),
    schoolIds: z.array(idSchema).max(20).optional(),
    status: z.enum(personStatuses).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Change at least one thing." });
export type PersonAdminUpdate = z.infer<typeof personAdminUpdateSchema>;

export const peopleQuerySchema = z.object({
  q: text(100).optional(),
  status: z.enum(personStatuses).optional(),
});
