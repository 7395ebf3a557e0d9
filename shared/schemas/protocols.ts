import { z } from "zod";
import {
  MAX_PROTOCOL_MINUTES,
  protocolDefinitionSchema,
  protocolPurposeSchema,
} from "../protocols/definition.ts";
import { idSchema, text } from "./common.ts";

/**
 * The protocol library's API: what the list, the overview, the version view and the editor exchange.
 * The content itself is shared/protocols/definition.ts; here are the envelopes around it.
 */

/** A create is a whole definition: name, purpose, group size, roles and steps. */
export const protocolInputSchema = protocolDefinitionSchema;

/**
 * An edit sends the whole new definition and the version it started from: when someone saved a newer
 * version meanwhile the server refuses (409) rather than silently overwrite their work.
 */
export const protocolUpdateSchema = protocolDefinitionSchema.safeExtend({
  baseVersion: z
    .number({ message: "Send the version number you edited." })
    .int({ message: "Send the version number you edited." })
    .min(1, { message: "Send the version number you edited." }),
});
export type ProtocolUpdate = z.output<typeof protocolUpdateSchema>;

/** Optional name of an adapted copy; without one it is called "<original> (adapted)". */
export const protocolCopySchema = z
  .object({ name: text(120).min(1, { message: "Enter a name for the copy." }).optional() })
  .strict()
  .default({});

// "?archived=false" must mean false: z.coerce.boolean would read any non-empty string as true.
const booleanQuery = z
  .enum(["true", "false"], { message: "Use true or false." })
  .transform((value) => value === "true");

export const protocolListQuerySchema = z.object({
  q: text(100).optional(),
  purpose: protocolPurposeSchema.optional(),
  maxMinutes: z.coerce
    .number({ message: "Enter the minutes as a number." })
    .int({ message: "Use whole minutes." })
    .min(1, { message: "Enter at least 1 minute." })
    .max(MAX_PROTOCOL_MINUTES, { message: `Enter at most ${MAX_PROTOCOL_MINUTES} minutes.` })
    .optional(),
  groupSize: z.coerce
    .number({ message: "Enter the number of people." })
    .int({ message: "Enter a whole number of people." })
    .min(1, { message: "A group has at least 1 person." })
    .max(500, { message: "Enter at most 500 people." })
    .optional(),
  /** Administrators only: the district's archived protocols instead of the active library. */
  archived: booleanQuery.default(false),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ProtocolListQuery = z.output<typeof protocolListQuerySchema>;

export const protocolCanSchema = z.object({
  edit: z.boolean(),
  copy: z.boolean(),
  archive: z.boolean(),
  restore: z.boolean(),
});
export type ProtocolCan = z.infer<typeof protocolCanSchema>;

/** Whose protocol it is: shipped with Lamplight, or the caller's district's own. */
export const protocolOwnerSchema = z.object({
  kind: z.enum(["lamplight", "district"]),
  name: z.string(),
});

const personRefSchema = z.object({ id: idSchema, name: z.string() });

export const protocolSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  purpose: protocolPurposeSchema,
  summary: z.string(),
  totalMinutes: z.number().int(),
  groupSize: z.object({ min: z.number().int(), max: z.number().int() }),
  builtIn: z.boolean(),
  archived: z.boolean(),
  currentVersionId: idSchema,
  version: z.number().int(),
  owner: protocolOwnerSchema,
  can: protocolCanSchema,
});
export type ProtocolSummary = z.infer<typeof protocolSummarySchema>;

export const protocolListSchema = z.object({
  items: z.array(protocolSummarySchema),
  nextCursor: z.string().nullable(),
  /** Whether the caller may write or adapt protocols (the "Write a protocol" button). */
  can: z.object({ create: z.boolean() }),
});
export type ProtocolList = z.infer<typeof protocolListSchema>;

export const protocolVersionRefSchema = z.object({
  id: idSchema,
  version: z.number().int(),
  createdAt: z.string(),
  /** Who saved it; null for built-ins (Lamplight wrote them). */
  author: personRefSchema.nullable(),
});
export type ProtocolVersionRef = z.infer<typeof protocolVersionRefSchema>;

export const protocolSchema = protocolSummarySchema.extend({
  definition: protocolDefinitionSchema,
  /** Newest first. */
  versions: z.array(protocolVersionRefSchema),
  /** The protocol this one adapts, when it is a copy (it may since have been archived). */
  copiedFrom: z.object({ id: idSchema, name: z.string(), version: z.number().int() }).nullable(),
  createdBy: personRefSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Protocol = z.infer<typeof protocolSchema>;

/** One version exactly as saved: what a past meeting used. */
export const protocolVersionSchema = protocolVersionRefSchema.extend({
  protocolId: idSchema,
  current: z.boolean(),
  definition: protocolDefinitionSchema,
});
export type ProtocolVersion = z.infer<typeof protocolVersionSchema>;

export const protocolParamsSchema = z.object({ id: idSchema });
export const protocolVersionParamsSchema = z.object({ id: idSchema, versionId: idSchema });
