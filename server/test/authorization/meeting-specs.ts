import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { agendaItems, meetingRoleAssignments, meetings } from "../../db/schema/index.ts";
import { manage, type Runnable, spec, t } from "./matrix.ts";
import { type MeetingFx, meetingIn, meetingRow, seriesIn, seriesRow } from "./meeting-fixtures.ts";

/*
 * Meetings, their agenda, roles, calendar file and attendance. Targets are meetings of the matrix's
 * communities (see matrix.ts). Reading is for everyone in the community and those who oversee it (the
 * district's administrators, the leaders of its schools); a district colleague who can find a
 * district-visible community but is not in it may not read its meetings (403). Changing is `manage`:
 * facilitators, administrators, leaders of its schools.
 */
export const meetingReaders = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    F    Y    Y    Y    Y    F    H    A
  private        Y    Y    H    Y    Y    Y    Y    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

const m = (fx: MeetingFx, path = "") => `/api/v1/meetings/${fx.meetingId}${path}`;
const readOnly = (target: Parameters<typeof meetingIn>[0], actor: Parameters<typeof meetingIn>[1]) =>
  meetingIn(target, actor);
const fresh = (target: Parameters<typeof meetingIn>[0], actor: Parameters<typeof meetingIn>[1]) =>
  meetingIn(target, actor, { fresh: true });
const itemsOf = async (fx: MeetingFx) =>
  t.db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, fx.meetingId))
    .orderBy(agendaItems.position);

export const meetingSpecs: Runnable[] = [
  spec<MeetingFx>({
    routes: ["GET /api/v1/communities/:id/meetings"],
    grid: meetingReaders,
    prepare: readOnly,
    call: (a, fx) => a.client.get(`/api/v1/communities/${fx.id}/meetings?when=upcoming&limit=100`),
    verify: (outcome, { body }, fx) => {
      if (outcome === "Y") expect(body.items.map((i: { id: string }) => i.id)).toContain(fx.meetingId);
    },
  }),
  spec<MeetingFx>({
    routes: ["POST /api/v1/communities/:id/meetings"],
    grid: manage,
    prepare: fresh,
    call: (a, fx) =>
      a.client.post(`/api/v1/communities/${fx.id}/meetings`, {
        title: `Scheduled ${fx.title}`,
        date: new Date(Date.now() + 400 * 24 * 3600_000).toISOString().slice(0, 10),
        startTime: "16:00",
        durationMinutes: 45,
        timeZone: "America/Chicago",
      }),
    changed: async (fx) =>
      (
        await t.db
          .select()
          .from(meetings)
          .where(eq(meetings.title, `Scheduled ${fx.title}`))
      ).length === 1,
  }),
  spec<MeetingFx>({
    routes: ["GET /api/v1/meetings/:id"],
    grid: meetingReaders,
    prepare: readOnly,
    call: (a, fx) => a.client.get(m(fx)),
    verify: (outcome, { body }, fx) => {
      if (outcome !== "Y") return;
      expect(body.title).toBe(fx.title);
      expect(body.agenda.map((i: { id: string }) => i.id)).toEqual(fx.itemIds);
    },
  }),
  spec<MeetingFx>({
    routes: ["PATCH /api/v1/meetings/:id"],
    grid: manage,
    prepare: fresh,
    call: (a, fx) => a.client.patch(m(fx), { place: "Matrix room 12" }),
    changed: async (fx) => (await meetingRow(fx.meetingId))?.place === "Matrix room 12",
  }),
  spec<MeetingFx>({
    routes: ["POST /api/v1/meetings/:id/cancel"],
    grid: manage,
    prepare: fresh,
    call: (a, fx) => a.client.post(m(fx, "/cancel")),
    changed: async (fx) => (await meetingRow(fx.meetingId))?.status === "cancelled",
  }),
  spec<MeetingFx>({
    routes: ["POST /api/v1/meetings/:id/restore"],
    grid: manage,
    prepare: (target, actor) => meetingIn(target, actor, { fresh: true, status: "cancelled" }),
    call: (a, fx) => a.client.post(m(fx, "/restore")),
    changed: async (fx) => (await meetingRow(fx.meetingId))?.status === "scheduled",
  }),
  spec<MeetingFx & { seriesId: string }>({
    routes: ["PATCH /api/v1/meeting-series/:id"],
    grid: manage,
    prepare: seriesIn,
    call: (a, fx) => a.client.patch(`/api/v1/meeting-series/${fx.seriesId}`, { place: "Matrix library" }),
    changed: async (fx) => (await seriesRow(fx.seriesId))?.place === "Matrix library",
  }),
  spec<MeetingFx & { seriesId: string }>({
    routes: ["POST /api/v1/meeting-series/:id/cancel"],
    grid: manage,
    prepare: seriesIn,
    call: (a, fx) =>
      a.client.post(`/api/v1/meeting-series/${fx.seriesId}/cancel`, {
        from: new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10),
      }),
    changed: async (fx) => {
      const rows = await t.db.query.meetings.findMany({
        where: (mt, { eq }) => eq(mt.seriesId, fx.seriesId),
      });
      return rows.length > 0 && rows.every((row) => row.status === "cancelled");
    },
  }),
  spec<MeetingFx>({
    routes: ["POST /api/v1/meetings/:id/agenda-items"],
    grid: manage,
    prepare: fresh,
    call: (a, fx) => a.client.post(m(fx, "/agenda-items"), { kind: "discussion", title: "Matrix topic" }),
    changed: async (fx) => (await itemsOf(fx)).some((i) => i.title === "Matrix topic"),
  }),
  spec<MeetingFx>({
    routes: ["PATCH /api/v1/meetings/:id/agenda-items/:itemId"],
    grid: manage,
    prepare: fresh,
    call: (a, fx) =>
      a.client.patch(m(fx, `/agenda-items/${fx.itemIds[0]}`), { title: "Renamed by the matrix" }),
    changed: async (fx) => (await itemsOf(fx))[0]?.title === "Renamed by the matrix",
  }),
  spec<MeetingFx>({
    routes: ["DELETE /api/v1/meetings/:id/agenda-items/:itemId"],
    grid: manage,
    prepare: fresh,
    call: (a, fx) => a.client.delete(m(fx, `/agenda-items/${fx.itemIds[0]}`)),
    changed: async (fx) => (await itemsOf(fx)).length === 1,
  }),
  spec<MeetingFx>({
    routes: ["PUT /api/v1/meetings/:id/agenda-order"],
    grid: manage,
    prepare: fresh,
    call: (a, fx) => a.client.put(m(fx, "/agenda-order"), { itemIds: [...fx.itemIds].reverse() }),
    changed: async (fx) => (await itemsOf(fx))[0]?.id === fx.itemIds[1],
  }),
  spec<MeetingFx>({
    routes: ["PUT /api/v1/meetings/:id/roles"],
    grid: manage,
    prepare: fresh,
    call: (a, fx) =>
      a.client.put(m(fx, "/roles"), { assignments: [{ role: "timekeeper", personId: fx.memberId }] }),
    changed: async (fx) =>
      (
        await t.db
          .select()
          .from(meetingRoleAssignments)
          .where(
            and(
              eq(meetingRoleAssignments.meetingId, fx.meetingId),
              eq(meetingRoleAssignments.role, "timekeeper"),
            ),
          )
      ).length === 1,
  }),
  spec<MeetingFx>({
    routes: ["GET /api/v1/meetings/:id/calendar.ics"],
    grid: meetingReaders,
    prepare: readOnly,
    call: (a, fx) => a.client.get(m(fx, "/calendar.ics")),
    verify: (outcome, response, fx) => {
      if (outcome !== "Y") return;
      expect(String(response.headers["content-type"])).toContain("text/calendar");
      expect(JSON.stringify(response.body)).toContain(fx.title);
    },
  }),
];
