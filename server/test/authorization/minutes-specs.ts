import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { actionItems, attendance, decisions, minutes } from "../../db/schema/index.ts";
import { type Runnable, spec, t } from "./matrix.ts";
import { type MeetingFx, meetingIn, meetingRow } from "./meeting-fixtures.ts";

/*
 * After (and during) the meeting: attendance, minutes, decisions, action items. Targets are meetings of
 * the matrix's communities; minutes routes use an ended meeting whose minutes were generated.
 * Minutes (and attendance, which is part of them) are read by the community's members, observers and
 * facilitators and by those who oversee it; a partner reads only the minutes of meetings they attended
 * (the fixture partner attended none). To anyone else they answer 404, as if the meeting did not
 * exist — also to a district colleague who could find the community (features/minutes/policy.ts).
 */
const minutesReaders = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    H    Y    Y    H    Y    H    H    A
  private        Y    Y    H    Y    Y    H    Y    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

/** Editing minutes and attendance, recording decisions and action items: facilitators and leaders. */
const minutesEditors = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    H    Y    F    H    F    H    H    A
  private        Y    Y    H    Y    F    H    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

/** A community's action items: partners read only their own (the list is empty for the fixture partner). */
const actionReaders = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    H    Y    Y    Y    Y    H    H    A
  private        Y    Y    H    Y    Y    Y    Y    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

/** An action item's status: its owner (the member) and the community's managers. */
const ownerOrManager = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    H    Y    Y    H    F    H    H    A
  private        Y    Y    H    Y    Y    H    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

const m = (fx: MeetingFx, path = "") => `/api/v1/meetings/${fx.meetingId}${path}`;
type Prepare = Parameters<typeof meetingIn>;
const ended = (target: Prepare[0], actor: Prepare[1]) =>
  meetingIn(target, actor, { status: "ended", minutes: true });
const endedFresh = (target: Prepare[0], actor: Prepare[1]) =>
  meetingIn(target, actor, { status: "ended", minutes: true, fresh: true });
const fresh = (target: Prepare[0], actor: Prepare[1]) => meetingIn(target, actor, { fresh: true });
const minutesRow = async (fx: MeetingFx) =>
  (await t.db.select().from(minutes).where(eq(minutes.meetingId, fx.meetingId)))[0];
const actionRow = async (id: string) =>
  (await t.db.select().from(actionItems).where(eq(actionItems.id, id)))[0];
const decisionRow = async (id: string) =>
  (await t.db.select().from(decisions).where(eq(decisions.id, id)))[0];

const attendanceSpecs: Runnable[] = [
  spec<MeetingFx>({
    routes: ["GET /api/v1/meetings/:id/attendance"],
    grid: minutesReaders,
    prepare: (target, actor) => meetingIn(target, actor),
    call: (a, fx) => a.client.get(m(fx, "/attendance")),
    verify: (outcome, { body }, fx) => {
      if (outcome === "Y")
        expect(body.items.map((i: { personId: string }) => i.personId)).toContain(fx.memberId);
    },
  }),
  spec<MeetingFx>({
    routes: ["PUT /api/v1/meetings/:id/attendance/:personId"],
    grid: minutesEditors,
    prepare: fresh,
    call: (a, fx) => a.client.put(m(fx, `/attendance/${fx.memberId}`), { present: true }),
    changed: async (fx) =>
      (await t.db.select().from(attendance).where(eq(attendance.meetingId, fx.meetingId))).some(
        (row) => row.personId === fx.memberId && row.present,
      ),
  }),
];

const minutesSpecs: Runnable[] = [
  spec<MeetingFx>({
    routes: ["GET /api/v1/meetings/:id/minutes"],
    grid: minutesReaders,
    prepare: ended,
    call: (a, fx) => a.client.get(m(fx, "/minutes")),
    verify: (outcome, { body }, fx) => {
      if (outcome !== "Y") return;
      expect(JSON.stringify(body.record)).toContain(fx.title);
      expect(body.decisions.map((d: { id: string }) => d.id)).toEqual([fx.decisionId]);
    },
  }),
  spec<MeetingFx>({
    routes: ["GET /api/v1/meetings/:id/minutes.md"],
    grid: minutesReaders,
    prepare: ended,
    call: (a, fx) => a.client.get(m(fx, "/minutes.md")),
    verify: (outcome, response, fx) => {
      if (outcome === "Y") expect(JSON.stringify(response.body)).toContain(fx.title);
    },
  }),
  spec<MeetingFx>({
    routes: ["GET /api/v1/meetings/:id/minutes.pdf"],
    grid: minutesReaders,
    prepare: ended,
    call: (a, fx) => a.client.get(m(fx, "/minutes.pdf")),
    verify: (outcome, response) => {
      if (outcome === "Y") expect(String(response.headers["content-type"])).toContain("application/pdf");
    },
  }),
  spec<MeetingFx>({
    routes: ["GET /api/v1/communities/:id/minutes"],
    grid: actionReaders,
    prepare: ended,
    call: (a, fx) => a.client.get(`/api/v1/communities/${fx.id}/minutes?limit=100`),
    verify: (outcome, { body }, fx, actor) => {
      if (outcome !== "Y") return;
      // A partner's archive lists only the meetings they attended.
      if (actor.key === "par") expect(JSON.stringify(body.items)).not.toContain(fx.title);
      else expect(JSON.stringify(body.items)).toContain(fx.title);
    },
  }),
  spec<MeetingFx>({
    routes: ["PATCH /api/v1/meetings/:id/minutes"],
    grid: minutesEditors,
    prepare: endedFresh,
    call: (a, fx) => a.client.patch(m(fx, "/minutes"), { summary: "Summed up by the matrix.", revision: 1 }),
    changed: async (fx) => (await minutesRow(fx))?.summary === "Summed up by the matrix.",
  }),
  spec<MeetingFx>({
    routes: ["POST /api/v1/meetings/:id/minutes/regenerate"],
    grid: minutesEditors,
    prepare: async (target, actor) => {
      const fx = await endedFresh(target, actor);
      if (target !== "nonexistent")
        await t.db.update(minutes).set({ record: {} }).where(eq(minutes.meetingId, fx.meetingId));
      return fx;
    },
    call: (a, fx) => a.client.post(m(fx, "/minutes/regenerate")),
    changed: async (fx) => JSON.stringify((await minutesRow(fx))?.record ?? {}).includes(fx.title),
  }),
];

const decisionSpecs: Runnable[] = [
  spec<MeetingFx>({
    routes: ["POST /api/v1/meetings/:id/decisions"],
    grid: minutesEditors,
    prepare: fresh,
    call: (a, fx) => a.client.post(m(fx, "/decisions"), { text: "Decided by the matrix" }),
    changed: async (fx) =>
      (await t.db.select().from(decisions).where(eq(decisions.meetingId, fx.meetingId))).some(
        (d) => d.text === "Decided by the matrix",
      ),
  }),
  spec<MeetingFx>({
    routes: ["PATCH /api/v1/meetings/:id/decisions/:decisionId"],
    grid: minutesEditors,
    prepare: fresh,
    call: (a, fx) => a.client.patch(m(fx, `/decisions/${fx.decisionId}`), { text: "Reworded by the matrix" }),
    changed: async (fx) => (await decisionRow(fx.decisionId))?.text === "Reworded by the matrix",
  }),
  spec<MeetingFx>({
    routes: ["DELETE /api/v1/meetings/:id/decisions/:decisionId"],
    grid: minutesEditors,
    prepare: fresh,
    call: (a, fx) => a.client.delete(m(fx, `/decisions/${fx.decisionId}`)),
    changed: async (fx) =>
      (await meetingRow(fx.meetingId)) !== undefined && (await decisionRow(fx.decisionId)) === undefined,
  }),
];

const actionItemSpecs: Runnable[] = [
  spec<MeetingFx>({
    routes: ["POST /api/v1/meetings/:id/action-items"],
    grid: minutesEditors,
    prepare: fresh,
    call: (a, fx) =>
      a.client.post(m(fx, "/action-items"), { title: "Matrix follow-up", ownerId: fx.memberId }),
    changed: async (fx) =>
      (await t.db.select().from(actionItems).where(eq(actionItems.meetingId, fx.meetingId))).some(
        (i) => i.title === "Matrix follow-up",
      ),
  }),
  spec<MeetingFx>({
    routes: ["POST /api/v1/communities/:id/action-items"],
    grid: minutesEditors,
    prepare: fresh,
    call: (a, fx) =>
      a.client.post(`/api/v1/communities/${fx.id}/action-items`, {
        title: "Matrix chore",
        ownerId: fx.memberId,
      }),
    changed: async (fx) =>
      (await t.db.select().from(actionItems).where(eq(actionItems.communityId, fx.id))).some(
        (i) => i.title === "Matrix chore",
      ),
  }),
  spec<MeetingFx>({
    routes: ["GET /api/v1/communities/:id/action-items"],
    grid: actionReaders,
    prepare: (target, actor) => meetingIn(target, actor),
    call: (a, fx) => a.client.get(`/api/v1/communities/${fx.id}/action-items?status=open`),
    verify: (outcome, { body }, fx, actor) => {
      if (outcome !== "Y") return;
      const listed = body.items.map((i: { id: string }) => i.id);
      // Partners see only what they own; everyone else sees the member's item.
      if (actor.key === "par") expect(listed).not.toContain(fx.actionItemId);
      else expect(listed).toContain(fx.actionItemId);
    },
  }),
  spec<MeetingFx>({
    routes: ["PATCH /api/v1/action-items/:id"],
    grid: ownerOrManager,
    prepare: fresh,
    call: (a, fx) => a.client.patch(`/api/v1/action-items/${fx.actionItemId}`, { status: "done" }),
    changed: async (fx) => (await actionRow(fx.actionItemId))?.status === "done",
  }),
  spec<MeetingFx>({
    routes: ["GET /api/v1/action-items"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        N    N    N    N    L    N    N    N    N    A`,
    prepare: async (target, actor) => {
      const fx = await meetingIn(target, actor);
      // The member owns many fixtures' items by now; this one is due first, so it heads their list.
      const today = new Date().toISOString().slice(0, 10);
      await t.db.update(actionItems).set({ dueOn: today }).where(eq(actionItems.id, fx.actionItemId));
      return fx;
    },
    call: (a) => a.client.get("/api/v1/action-items?mine=1&status=open"),
    verify: (outcome, { body }, fx) => {
      if (outcome === "A") return;
      const listed = body.items.map((i: { id: string }) => i.id);
      if (outcome === "L") expect(listed).toContain(fx.actionItemId);
      if (outcome === "N") expect(listed).not.toContain(fx.actionItemId);
    },
  }),
];

export const afterMeetingSpecs: Runnable[] = [
  ...attendanceSpecs,
  ...minutesSpecs,
  ...decisionSpecs,
  ...actionItemSpecs,
];
