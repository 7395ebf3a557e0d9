import { and, asc, eq, sql } from "drizzle-orm";
import type { MeetingRole } from "../../../shared/schemas/meeting-enums.ts";
import type { AgendaItem, Meeting, MeetingSummary } from "../../../shared/schemas/meetings.ts";
import type { Executor } from "../../db/client.ts";
import {
  agendaItems,
  artifacts,
  meetingRoleAssignments,
  meetingSeries,
  meetings,
  minutes,
  people,
  protocols,
  protocolVersions,
} from "../../db/schema/index.ts";
import type { LoadedMeeting, MeetingRow } from "./load.ts";
import { meetingCan } from "./policy.ts";
import { describeSeries, parseRRule } from "./recurrence.ts";

const endOf = (m: { startsAt: Date; durationMinutes: number }) =>
  new Date(m.startsAt.getTime() + m.durationMinutes * 60_000);

/** The list shape of a meeting (lists, home page). */
export function presentSummary(
  m: MeetingRow,
  extra: { communityName: string; agendaItemCount: number; hasMinutes: boolean },
): MeetingSummary {
  return {
    id: m.id,
    communityId: m.communityId,
    communityName: extra.communityName,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: endOf(m).toISOString(),
    durationMinutes: m.durationMinutes,
    timeZone: m.timeZone,
    place: m.place,
    videoUrl: m.videoUrl,
    status: m.status,
    seriesId: m.seriesId,
    agendaItemCount: extra.agendaItemCount,
    hasMinutes: extra.hasMinutes,
  };
}

/**
 * The agenda of a meeting in order, protocol runs with the definition of the version they use. Work
 * samples with student work are named only to those who may open them (`withStudentWork`: not partners).
 */
export async function loadAgenda(
  db: Executor,
  meetingId: string,
  withStudentWork = true,
): Promise<AgendaItem[]> {
  const rows = await db
    .select({
      item: agendaItems,
      presenterName: people.name,
      version: protocolVersions,
      protocolName: protocols.name,
      artifactTitle: artifacts.title,
      studentWork: artifacts.containsStudentWork,
    })
    .from(agendaItems)
    .leftJoin(people, eq(people.id, agendaItems.presenterId))
    .leftJoin(protocolVersions, eq(protocolVersions.id, agendaItems.protocolVersionId))
    .leftJoin(protocols, eq(protocols.id, protocolVersions.protocolId))
    .leftJoin(artifacts, eq(artifacts.id, agendaItems.artifactId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position));
  return rows.map(({ item, presenterName, version, protocolName, artifactTitle, studentWork }) => ({
    id: item.id,
    position: item.position,
    kind: item.kind,
    title: item.title,
    minutes: item.minutes,
    protocol: version
      ? {
          id: version.protocolId,
          versionId: version.id,
          version: version.version,
          // The name as that version had it; the library's current name if the version has none.
          name: version.definition.name || (protocolName ?? ""),
          totalMinutes: version.definition.steps.reduce((sum, s) => sum + s.minutes, 0),
          definition: version.definition,
        }
      : null,
    presenter: item.presenterId ? { id: item.presenterId, name: presenterName ?? "" } : null,
    focusingQuestion: item.focusingQuestion,
    material: item.material,
    materialUrl: item.materialUrl,
    artifact:
      item.artifactId && (withStudentWork || !studentWork)
        ? { id: item.artifactId, title: artifactTitle ?? "" }
        : null,
    details: item.details,
  }));
}

/** The series in words; `upcomingCount` counts its scheduled future meetings other than `exceptId`. */
export async function loadSeries(db: Executor, seriesId: string | null, exceptId?: string) {
  if (!seriesId) return null;
  const [series] = await db.select().from(meetingSeries).where(eq(meetingSeries.id, seriesId));
  if (!series) return null;
  const [counted] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(meetings)
    .where(
      and(
        eq(meetings.seriesId, seriesId),
        eq(meetings.status, "scheduled"),
        sql`${meetings.startsAt} > now()`,
        exceptId ? sql`${meetings.id} <> ${exceptId}` : undefined,
      ),
    );
  const schedule = {
    rrule: series.rrule,
    firstStartLocal: series.firstStartLocal,
    timeZone: series.timeZone,
  };
  return {
    id: series.id,
    summary: describeSeries(schedule),
    rrule: series.rrule,
    recurrence: parseRRule(series.rrule, series.timeZone),
    startTime: series.firstStartLocal.slice(11, 16),
    timeZone: series.timeZone,
    upcomingCount: counted?.n ?? 0,
  };
}

/** The whole meeting page: details, series in words, roles, agenda, members to choose from, `can`. */
export async function presentMeeting(db: Executor, loaded: LoadedMeeting): Promise<Meeting> {
  const { meeting: m, community } = loaded;
  const { actor, membership } = community.access;
  const partner = actor.orgRole === "partner" || membership?.role === "partner";
  // One after another: `db` may be a transaction, whose one connection runs one query at a time (pg
  // queues concurrent ones with a deprecation warning, and pg 9 will refuse them).
  const agenda = await loadAgenda(db, m.id, !partner);
  const roles = await db
    .select({ role: meetingRoleAssignments.role, id: people.id, name: people.name })
    .from(meetingRoleAssignments)
    .innerJoin(people, eq(people.id, meetingRoleAssignments.personId))
    .where(eq(meetingRoleAssignments.meetingId, m.id))
    .orderBy(asc(meetingRoleAssignments.role), asc(people.name));
  const series = await loadSeries(db, m.seriesId, m.id);
  const minutesRows = await db
    .select({ id: minutes.meetingId })
    .from(minutes)
    .where(eq(minutes.meetingId, m.id));
  const myRoles: MeetingRole[] = roles.filter((r) => r.id === community.access.actor.id).map((r) => r.role);
  return {
    ...presentSummary(m, {
      communityName: community.row.name,
      agendaItemCount: agenda.length,
      hasMinutes: minutesRows.length > 0,
    }),
    description: m.description,
    occurrenceStart: m.occurrenceStart?.toISOString() ?? null,
    moved: m.occurrenceStart !== null && m.occurrenceStart.getTime() !== m.startsAt.getTime(),
    series,
    roles: roles.map((r) => ({ role: r.role, person: { id: r.id, name: r.name } })),
    agenda,
    agendaMinutes: agenda.reduce((sum, item) => sum + item.minutes, 0),
    members: community.members
      .filter((member) => member.status === "active")
      .map((member) => ({ id: member.personId, name: member.name, communityRole: member.role })),
    can: meetingCan(community.access, m, myRoles),
  };
}
