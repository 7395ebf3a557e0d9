import { eq } from "drizzle-orm";
import type { ProtocolDefinitionInput } from "../../shared/protocols/definition.ts";
import { protocolDefinitionSchema, totalMinutes } from "../../shared/protocols/definition.ts";
import type { AgendaItemKind, MeetingRole, MeetingStatus } from "../../shared/schemas/meeting-enums.ts";
import type { Db } from "../db/client.ts";
import {
  agendaItems,
  meetingRoleAssignments,
  meetings,
  protocols,
  protocolVersions,
} from "../db/schema/index.ts";
import { newId } from "../lib/ids.ts";

/**
 * Factories for meetings and protocols, written straight into a test's database (see factories.ts).
 * Shared by the protocol, meeting, live-room and minutes tests.
 */

/** A short tuning-style protocol: presenter shares (silent others), warm and cool feedback, reflection. */
export const testProtocol: ProtocolDefinitionInput = {
  name: "Test tuning",
  purpose: "feedback_on_work",
  summary: "A short protocol for tests.",
  groupSize: { min: 3, max: 12 },
  roles: ["facilitator", "presenter", "participants"],
  steps: [
    {
      title: "Presentation",
      minutes: 10,
      speakers: ["presenter"],
      silent: ["participants"],
      captures: "nothing",
    },
    { title: "Clarifying questions", minutes: 5, captures: "clarifying_question" },
    {
      title: "Warm feedback",
      minutes: 5,
      silent: ["presenter"],
      captures: "warm_feedback",
      anonymity: "optional",
    },
    {
      title: "Cool feedback",
      minutes: 5,
      silent: ["presenter"],
      captures: "cool_feedback",
      anonymity: "anonymous",
    },
    { title: "Reflection", minutes: 5, speakers: ["presenter"], captures: "next_step" },
  ],
};

/** A protocol of a district (or a built-in when orgId is null) with one version; returns both ids. */
export async function createProtocol(
  db: Db,
  orgId: string | null,
  input: ProtocolDefinitionInput = testProtocol,
): Promise<{ protocolId: string; versionId: string }> {
  const definition = protocolDefinitionSchema.parse(input);
  const protocolId = newId();
  const versionId = newId();
  await db.transaction(async (tx) => {
    await tx.insert(protocols).values({
      id: protocolId,
      orgId,
      name: definition.name,
      purpose: definition.purpose,
      summary: definition.summary,
      totalMinutes: totalMinutes(definition.steps),
      groupMin: definition.groupSize.min,
      groupMax: definition.groupSize.max,
    });
    await tx.insert(protocolVersions).values({ id: versionId, protocolId, orgId, version: 1, definition });
    await tx.update(protocols).set({ currentVersionId: versionId }).where(eq(protocols.id, protocolId));
  });
  return { protocolId, versionId };
}

export type NewAgendaItem = {
  kind?: AgendaItemKind;
  title?: string;
  minutes?: number;
  protocolVersionId?: string;
  presenterId?: string;
  focusingQuestion?: string;
};

export type NewMeeting = {
  orgId: string;
  communityId: string;
  title?: string;
  startsAt?: Date;
  durationMinutes?: number;
  timeZone?: string;
  status?: MeetingStatus;
  items?: NewAgendaItem[];
  roles?: { role: MeetingRole; personId: string }[];
};

/** A meeting with its agenda items and roles; returns the meeting id and the item ids in order. */
export async function createMeeting(db: Db, m: NewMeeting): Promise<{ id: string; itemIds: string[] }> {
  const id = newId();
  const itemIds: string[] = [];
  await db.transaction(async (tx) => {
    await tx.insert(meetings).values({
      id,
      orgId: m.orgId,
      communityId: m.communityId,
      title: m.title ?? "Team meeting",
      startsAt: m.startsAt ?? new Date(Date.now() + 24 * 3600_000),
      durationMinutes: m.durationMinutes ?? 60,
      timeZone: m.timeZone ?? "America/Chicago",
      status: m.status ?? "scheduled",
    });
    for (const [position, item] of (m.items ?? []).entries()) {
      const itemId = newId();
      itemIds.push(itemId);
      await tx.insert(agendaItems).values({
        id: itemId,
        orgId: m.orgId,
        meetingId: id,
        position,
        kind: item.kind ?? (item.protocolVersionId ? "protocol" : "discussion"),
        title: item.title ?? `Item ${position + 1}`,
        minutes: item.minutes ?? 30,
        protocolVersionId: item.protocolVersionId ?? null,
        presenterId: item.presenterId ?? null,
        focusingQuestion: item.focusingQuestion ?? "",
      });
    }
    for (const role of m.roles ?? []) {
      await tx.insert(meetingRoleAssignments).values({ orgId: m.orgId, meetingId: id, ...role });
    }
  });
  return { id, itemIds };
}
