import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Attendance } from "../../../shared/schemas/attendance.ts";
import {
  type CastRole,
  createLiveCast,
  joinRoom,
  type LiveCast,
  type LiveServer,
  startLiveServer,
} from "../../test/live-client.ts";

let server: LiveServer;
let cast: LiveCast;

beforeAll(async () => {
  server = await startLiveServer();
  cast = await createLiveCast(server.db);
});
afterAll(() => server.close());

const url = (personId = "") =>
  `/api/v1/meetings/${cast.meetingId}/attendance${personId ? `/${personId}` : ""}`;
async function call(who: CastRole, method: "GET" | "PUT", path: string, body?: unknown) {
  const response = await server.app.inject({
    method,
    url: path,
    headers: {
      cookie: cast.cookies[who],
      ...(method === "PUT" ? { origin: "http://localhost:3000", "content-type": "application/json" } : {}),
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  return { status: response.statusCode, body: response.json() };
}
const entry = (list: Attendance, personId: string) => list.items.find((i) => i.personId === personId);

describe("meeting attendance", () => {
  it("lists every member as absent until they join, then present from joining", async () => {
    const before = (await call("member", "GET", url())).body as Attendance;
    expect(before.can.edit).toBe(false);
    expect(entry(before, cast.ids.member)).toMatchObject({ present: false, source: null, role: "member" });
    expect(before.items.some((i) => i.personId === cast.ids.outsider)).toBe(false);
    const mia = await joinRoom(server.base, cast.meetingId, cast.cookies.member);
    await mia.close();
    const after = (await call("facilitator", "GET", url())).body as Attendance;
    expect(after.can.edit).toBe(true);
    expect(entry(after, cast.ids.member)).toMatchObject({ present: true, source: "joined" });
    expect(entry(after, cast.ids.member)?.firstJoinedAt).toMatch(/^\d{4}-/);
  });

  it("the facilitator corrects it by hand, also after the meeting", async () => {
    const marked = await call("facilitator", "PUT", url(cast.ids.member2), { present: true });
    expect(marked.status).toBe(200);
    expect(entry(marked.body, cast.ids.member2)).toMatchObject({ present: true, source: "manual" });
    const unmarked = await call("facilitator", "PUT", url(cast.ids.member), { present: false });
    expect(entry(unmarked.body, cast.ids.member)).toMatchObject({ present: false, source: "manual" });
  });

  it("refuses members without the right (403), outsiders and other districts (404), and strangers as the person", async () => {
    expect((await call("member", "PUT", url(cast.ids.member2), { present: false })).status).toBe(403);
    expect((await call("outsider", "GET", url())).status).toBe(404);
    expect((await call("lakeside", "GET", url())).status).toBe(404);
    expect((await call("lakeside", "PUT", url(cast.ids.member), { present: true })).status).toBe(404);
    const stranger = await call("facilitator", "PUT", url(cast.ids.outsider), { present: true });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors).toEqual([
      { path: "personId", message: "This person is not in the meeting's community." },
    ]);
    const bad = await call("facilitator", "PUT", url(cast.ids.member), { present: "yes" });
    expect(bad.status).toBe(400);
  });
});
