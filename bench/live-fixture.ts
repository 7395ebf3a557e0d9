// Data and clients for the live-room benchmark: people, sessions and meetings written straight into the
// benchmark server's database (1,000 password sign-ins would take minutes), and `ws` participants.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import WebSocket from "ws";
import { connect, type Db } from "../server/db/client.ts";
import {
  agendaItems,
  communities,
  meetings,
  memberships,
  organizations,
  people,
  sessions,
} from "../server/db/schema/index.ts";

export const BENCH_SECRET = "bench-secret-bench-secret-bench-secret-1";
const COOKIE = "lamplight.session_token";

export type BenchData = {
  db: Db;
  cookies: string[];
  facilitatorCookie: string;
  meetingIds: string[];
  /** The first agenda item of each meeting (contributions go there). */
  firstItemIds: string[];
};

/** One district, one community of `count` members plus a facilitator, and `rooms` meetings of `steps` one-minute items. */
export async function createBenchData(
  url: string,
  count: number,
  rooms: number,
  steps: number,
): Promise<BenchData> {
  const db = connect(url, 4);
  const orgId = randomUUID();
  await db.insert(organizations).values({ id: orgId, name: "Bench District", slug: `bench-${orgId}` });
  const communityId = randomUUID();
  await db.insert(communities).values({
    id: communityId,
    orgId,
    name: "Bench community",
    kind: "community_of_practice",
    visibility: "organization",
  });
  const ids = Array.from({ length: count + 1 }, () => randomUUID());
  const cookies: string[] = [];
  for (let start = 0; start < ids.length; start += 500) {
    const batch = ids.slice(start, start + 500);
    await db.insert(people).values(
      batch.map((id, i) => ({
        id,
        orgId,
        email: `bench-${start + i}-${id}@bench.example`,
        name: `Bench ${start + i}`,
      })),
    );
    await db.insert(memberships).values(
      batch.map((personId, i) => ({
        orgId,
        communityId,
        personId,
        role: start + i === 0 ? ("facilitator" as const) : ("member" as const),
        status: "active" as const,
      })),
    );
    const tokens = batch.map(() => randomBytes(24).toString("base64url"));
    await db.insert(sessions).values(
      batch.map((userId, i) => ({
        id: randomUUID(),
        token: tokens[i] as string,
        userId,
        expiresAt: new Date(Date.now() + 24 * 3600_000),
      })),
    );
    for (const token of tokens) {
      const signature = createHmac("sha256", BENCH_SECRET).update(token).digest("base64");
      cookies.push(`${COOKIE}=${encodeURIComponent(`${token}.${signature}`)}`);
    }
  }
  const meetingIds: string[] = [];
  const firstItemIds: string[] = [];
  for (let r = 0; r < rooms; r++) {
    const id = randomUUID();
    meetingIds.push(id);
    await db.insert(meetings).values({
      id,
      orgId,
      communityId,
      title: `Bench ${r}`,
      startsAt: new Date(),
      durationMinutes: 60,
      timeZone: "UTC",
    });
    const itemIds = Array.from({ length: steps }, () => randomUUID());
    firstItemIds.push(itemIds[0] as string);
    await db.insert(agendaItems).values(
      itemIds.map((itemId, position) => ({
        id: itemId,
        orgId,
        meetingId: id,
        position,
        kind: "discussion" as const,
        title: `Item ${position + 1}`,
        minutes: 1,
      })),
    );
  }
  const [facilitatorCookie, ...rest] = cookies;
  return { db, cookies: rest, facilitatorCookie: facilitatorCookie as string, meetingIds, firstItemIds };
}

/** Opens a socket and resolves on its first message (the snapshot) or rejects. */
export function openParticipant(url: string, cookie: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { cookie, origin }, perMessageDeflate: false });
    socket.once("message", () => resolve(socket));
    socket.once("error", reject);
    socket.once("close", (code, reason) => reject(new Error(`closed ${code} ${reason}`)));
  });
}

/** Opens many sockets, `parallel` handshakes at a time. */
export async function openMany(
  urls: string[],
  cookies: string[],
  origin: string,
  parallel = 50,
): Promise<WebSocket[]> {
  const sockets: WebSocket[] = new Array(urls.length);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      sockets[i] = await openParticipant(urls[i] as string, cookies[i] as string, origin);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return sockets;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Resident memory of a process in MiB (Linux). */
export async function rssMiB(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}
