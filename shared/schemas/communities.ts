import { z } from "zod";
import { emailSchema, gradeBandSchema, idSchema, requiredText, tagListSchema, text } from "./common.ts";

export const communityKinds = [
  "grade_level_team",
  "department",
  "critical_friends_group",
  "community_of_practice",
  "cross_school_network",
  "family_engagement_team",
  "other",
] as const;
export const communityKindSchema = z.enum(communityKinds, {
  message: "Choose what kind of community this is.",
});
export type CommunityKind = z.infer<typeof communityKindSchema>;

export const visibilities = ["private", "organization"] as const;
export const visibilitySchema = z.enum(visibilities, { message: "Choose who can find this community." });
export type Visibility = z.infer<typeof visibilitySchema>;

export const communityRoles = ["facilitator", "member", "partner", "observer"] as const;
export const communityRoleSchema = z.enum(communityRoles, {
  message: "Choose a community role from the list.",
});
export type CommunityRole = z.infer<typeof communityRoleSchema>;

export const membershipStatuses = ["active", "requested", "left"] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];

const communityFields = {
  name: requiredText(120, "a name for the community"),
  kind: communityKindSchema,
  purpose: text(2000),
  vision: text(4000),
  values: text(4000),
  norms: z.array(requiredText(300, "the norm")).max(30, { message: "Keep to at most 30 norms." }),
  schoolIds: z.array(idSchema).max(50),
  subjects: tagListSchema.unwrap(),
  gradeBands: z.array(gradeBandSchema).max(6),
  topics: tagListSchema.unwrap(),
  visibility: visibilitySchema,
  /** Whether feedback on the community's work samples may be given anonymously. */
  anonymousFeedback: z.boolean({ message: "Choose whether anonymous feedback is allowed." }),
  /** The team's norms share assessment results by teacher (analysis shows a by-teacher breakdown). */
  shareResultsByTeacher: z.boolean({ message: "Choose whether results are shared by teacher." }),
};

export const communityInputSchema = z
  .object({
    ...communityFields,
    purpose: communityFields.purpose.default(""),
    vision: communityFields.vision.default(""),
    values: communityFields.values.default(""),
    norms: communityFields.norms.default([]),
    schoolIds: communityFields.schoolIds.default([]),
    subjects: communityFields.subjects.default([]),
    gradeBands: communityFields.gradeBands.default([]),
    topics: communityFields.topics.default([]),
    visibility: communityFields.visibility.default("private"),
    anonymousFeedback: communityFields.anonymousFeedback.default(false),
    shareResultsByTeacher: communityFields.shareResultsByTeacher.default(false),
  })
  .strict();
/** A PATCH: only the fields sent change (no defaults, so absent fields are left alone). */
export const communityUpdateSchema = z
  .object(communityFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Change at least one field." });
export type CommunityUpdate = z.infer<typeof communityUpdateSchema>;
export type CommunityInput = z.infer<typeof communityInputSchema>;
export type CommunityInputForm = z.input<typeof communityInputSchema>;

export const communityCanSchema = z.object({
  edit: z.boolean(),
  archive: z.boolean(),
  invite: z.boolean(),
  manageMembers: z.boolean(),
  join: z.boolean(),
  requestToJoin: z.boolean(),
  leave: z.boolean(),
});
export type CommunityCan = z.infer<typeof communityCanSchema>;

export const communitySummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: communityKindSchema,
  purpose: z.string(),
  visibility: visibilitySchema,
  memberCount: z.number().int(),
  myRole: communityRoleSchema.nullable(),
  myStatus: z.enum(membershipStatuses).nullable(),
  archived: z.boolean(),
});
export type CommunitySummary = z.infer<typeof communitySummarySchema>;

export const memberSchema = z.object({
  personId: idSchema,
  name: z.string(),
  pronouns: z.string(),
  title: z.string(),
  role: communityRoleSchema,
  status: z.enum(membershipStatuses),
  joinedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

export const communitySchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: communityKindSchema,
  purpose: z.string(),
  vision: z.string(),
  values: z.string(),
  norms: z.array(z.string()),
  schools: z.array(z.object({ id: idSchema, name: z.string() })),
  subjects: z.array(z.string()),
  gradeBands: z.array(z.string()),
  topics: z.array(z.string()),
  visibility: visibilitySchema,
  anonymousFeedback: z.boolean(),
  shareResultsByTeacher: z.boolean(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  myRole: communityRoleSchema.nullable(),
  myStatus: z.enum(membershipStatuses).nullable(),
  members: z.array(memberSchema),
  /** Join requests awaiting a facilitator; only filled for those who may approve them. */
  requests: z.array(memberSchema),
  can: communityCanSchema,
});
export type Community = z.infer<typeof communitySchema>;

export const communityListQuerySchema = z.object({
  scope: z.enum(["mine", "discover", "all"]).default("mine"),
  q: text(100).optional(),
  includeArchived: z.coerce.boolean().default(false),
});

export const communityInviteSchema = z
  .object({
    email: emailSchema,
    role: communityRoleSchema.default("member"),
    message: text(1000).default(""),
  })
  .strict();
export type CommunityInvite = z.infer<typeof communityInviteSchema>;

export const memberUpdateSchema = z.object({ role: communityRoleSchema }).strict();
export const requestDecisionSchema = z.object({ approve: z.boolean() }).strict();
