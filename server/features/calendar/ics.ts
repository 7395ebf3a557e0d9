import { inArray, sql } from "drizzle-orm";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { Executor } from "../../db/client.ts";
import { agendaItems } from "../../db/schema/index.ts";

/** What an event needs from a meeting row (and its community's name). */
export type CalendarMeeting = {
  id: string;
  title: string;
  communityName: string;
  startsAt: Date;
  durationMinutes: number;
  place: string;
  videoUrl: string;
  description: string;
  status: "scheduled" | "live" | "ended" | "cancelled";
  icalSequence: number;
  updatedAt: Date;
  createdAt: Date;
};

type AgendaLine = {
  meetingId: string;
  title: string;
  minutes: number;
  presenter: string | null;
  question: string;
};

/** The agendas of many meetings in one query, in order, for the events' descriptions. */
export async function loadAgendaLines(
  db: Executor,
  meetingIds: string[],
): Promise<Map<string, AgendaLine[]>> {
  const byMeeting = new Map<string, AgendaLine[]>();
  if (meetingIds.length === 0) return byMeeting;
  const rows = await db
    .select({
      meetingId: agendaItems.meetingId,
      title: agendaItems.title,
      minutes: agendaItems.minutes,
      presenter: sql<string | null>`(select p.name from people p where p.id = ${agendaItems.presenterId})`,
      question: agendaItems.focusingQuestion,
    })
    .from(agendaItems)
    .where(inArray(agendaItems.meetingId, meetingIds))
    .orderBy(agendaItems.meetingId, agendaItems.position);
  for (const row of rows) {
    const list = byMeeting.get(row.meetingId) ?? [];
    list.push(row);
    byMeeting.set(row.meetingId, list);
  }
  return byMeeting;
}

function describe(m: CalendarMeeting, agenda: AgendaLine[], pageUrl: string): string {
  const lines = [`${m.communityName}`];
  if (m.description) lines.push("", m.description);
  if (m.videoUrl) lines.push("", `Video call: ${m.videoUrl}`);
  if (agenda.length > 0) {
    lines.push("", "Agenda:");
    for (const [i, item] of agenda.entries()) {
      const presenter = item.presenter ? ` — presenter: ${item.presenter}` : "";
      lines.push(`${i + 1}. ${item.title} (${item.minutes} min)${presenter}`);
      if (item.question) lines.push(`   Focusing question: ${item.question}`);
    }
  }
  lines.push("", `Open in Lamplight: ${pageUrl}`);
  return lines.join("\n");
}

/**
 * An iCalendar (RFC 5545) document with one VEVENT per meeting: UID = meeting id @ host, SEQUENCE from
 * the meeting, STATUS:CANCELLED for cancelled ones, times in UTC (every calendar app shows them in its
 * own zone; no VTIMEZONE needed).
 */
export function renderCalendar(
  meetings: CalendarMeeting[],
  agendas: Map<string, AgendaLine[]>,
  options: { publicUrl: string; name: string; publish: boolean },
): string {
  const host = new URL(options.publicUrl).hostname;
  const calendar = ical({
    name: options.name,
    prodId: { company: "Lamplight", product: "Meetings", language: "EN" },
    method: options.publish ? ICalCalendarMethod.PUBLISH : null,
    // Calendar apps that honour it poll hourly; updates and cancellations arrive within the hour.
    ttl: 60 * 60,
  });
  for (const m of meetings) {
    const pageUrl = `${options.publicUrl}/meetings/${m.id}`;
    calendar.createEvent({
      id: `${m.id}@${host}`,
      sequence: m.icalSequence,
      start: m.startsAt,
      end: new Date(m.startsAt.getTime() + m.durationMinutes * 60_000),
      stamp: m.updatedAt,
      created: m.createdAt,
      lastModified: m.updatedAt,
      summary: m.status === "cancelled" ? `Cancelled: ${m.title}` : m.title,
      status: m.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      location: [m.place, m.videoUrl].filter(Boolean).join(" · ") || null,
      url: pageUrl,
      description: describe(m, agendas.get(m.id) ?? [], pageUrl),
    });
  }
  return calendar.toString();
}
