// Benchmark (issue 3): the live meeting room. (1) One room of 1,000 participants: latency from the
// facilitator's "next" to the LAST participant receiving the new state, against a bare `ws` server
// broadcasting the same message to the same number of sockets, in the same run. (2) 200 rooms × 10
// participants with contributions flowing: throughput and delivery latency. (3) Server memory per connection.
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type WebSocket from "ws";
import {
  BENCH_SECRET,
  createBenchData,
  openMany,
  openParticipant,
  percentile,
  rssMiB,
} from "./live-fixture.ts";
import { startProcess, stopProcess } from "./processes.ts";

const APP_PORT = 3210;
const BARE_PORT = 3211;
const PG_PORT = 54351;
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1000);
const STEPS = Number(process.env.BENCH_STEPS ?? 200);
// Between steps: a facilitator never clicks faster, and the room refuses a socket's commands beyond
// 10 a second (server/realtime/connection.ts), so the run stays under that rate. Same pause for the baseline.
const STEP_PAUSE_MS = 150;
const ROOMS = Number(process.env.BENCH_ROOMS ?? 200);
const PER_ROOM = 10;
const CONTRIBUTIONS_PER_SECOND = Number(process.env.BENCH_CONTRIBUTIONS ?? 400);
const FLOW_SECONDS = Number(process.env.BENCH_FLOW_SECONDS ?? 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type StepFigures = { p50: number; p99: number; max: number };

/** Sends `steps` messages one after another; each is timed until every socket has received it. */
async function timeSteps(
  sockets: WebSocket[],
  versionOf: (data: Buffer) => number | null,
  send: (version: number) => void,
  firstVersion: number,
  steps: number,
): Promise<StepFigures> {
  const latencies: number[] = [];
  for (let i = 0; i < steps; i++) {
    const version = firstVersion + i;
    let remaining = sockets.length;
    let finished: () => void = () => {};
    const all = new Promise<void>((resolve) => {
      finished = resolve;
    });
    const listeners = sockets.map((socket) => {
      const listener = (data: Buffer, isBinary: boolean) => {
        if (isBinary || data.length > 2000 || versionOf(data) !== version) return;
        socket.off("message", listener);
        if (--remaining === 0) finished();
      };
      socket.on("message", listener);
      return listener;
    });
    const started = performance.now();
    send(version);
    await Promise.race([all, sleep(10_000)]);
    if (remaining > 0) throw new Error(`step ${version}: ${remaining} participants never received it`);
    latencies.push(performance.now() - started);
    for (const [j, listener] of listeners.entries()) sockets[j]?.off("message", listener);
    await sleep(STEP_PAUSE_MS);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0 };
}

const stateVersion = (data: Buffer): number | null => {
  const text = data.toString();
  if (!text.includes('"type":"state"')) return null;
  return (JSON.parse(text) as { state: { version: number } }).state.version;
};

async function oneBigRoom(
  base: string,
  data: Awaited<ReturnType<typeof createBenchData>>,
  serverPid: number,
) {
  const url = `${base.replace("http", "ws")}/api/v1/meetings/${data.meetingIds[0]}/live`;
  const before = await rssMiB(serverPid);
  const sockets = await openMany(Array(PARTICIPANTS).fill(url), data.cookies.slice(0, PARTICIPANTS), base);
  const facilitator = await openParticipant(url, data.facilitatorCookie, base);
  await sleep(3000); // the participant list settles (it is sent at most every 2 s in a room this size)
  const after = await rssMiB(serverPid);
  let captured = "";
  facilitator.on("message", (raw: Buffer) => {
    if (!captured && raw.toString().includes('"type":"state"')) captured = raw.toString();
  });
  const command = (name: string, expectedVersion: number) =>
    facilitator.send(
      JSON.stringify({ type: "command", requestId: randomUUID(), command: name, expectedVersion }),
    );
  command("start", 0);
  await sleep(500);
  const app = await timeSteps(sockets, stateVersion, (v) => command("next", v - 1), 2, STEPS);
  for (const socket of [...sockets, facilitator]) socket.close();
  return {
    app,
    message: captured,
    memory: { before, after, perConnection: ((after - before) * 1024) / PARTICIPANTS },
  };
}

async function bareBroadcast(message: string) {
  const bare = await startProcess(
    ["bench/bare-ws.ts", String(BARE_PORT)],
    {},
    `http://127.0.0.1:${BARE_PORT}/`,
  );
  try {
    const url = `ws://127.0.0.1:${BARE_PORT}/`;
    const sockets = await openMany(
      Array(PARTICIPANTS).fill(url),
      Array(PARTICIPANTS).fill(""),
      "http://bench",
    );
    const driver = await openParticipant(url, "", "http://bench");
    await sleep(1000);
    const send = (v: number) => driver.send(message.replace(/"version":\d+/, `"version":${v}`));
    const figures = await timeSteps(sockets, stateVersion, send, 2, STEPS);
    for (const socket of [...sockets, driver]) socket.close();
    return figures;
  } finally {
    await stopProcess(bare);
  }
}

/** 200 rooms × 10: everyone adds cards at random; each card is timed to every other participant of its room. */
async function manyRooms(base: string, data: Awaited<ReturnType<typeof createBenchData>>, serverPid: number) {
  const urls: string[] = [];
  const cookies: string[] = [];
  const roomOf: number[] = [];
  for (let r = 0; r < ROOMS; r++)
    for (let p = 0; p < PER_ROOM; p++) {
      urls.push(`${base.replace("http", "ws")}/api/v1/meetings/${data.meetingIds[r + 1]}/live`);
      cookies.push(data.cookies[(r * PER_ROOM + p) % data.cookies.length] as string);
      roomOf.push(r + 1);
    }
  const before = await rssMiB(serverPid);
  const sockets = await openMany(urls, cookies, base);
  await sleep(1000);
  const after = await rssMiB(serverPid);
  const latencies: number[] = [];
  let acked = 0;
  for (const socket of sockets)
    socket.on("message", (raw: Buffer, isBinary: boolean) => {
      if (isBinary) return;
      const text = raw.toString();
      if (text.startsWith('{"type":"ack"')) acked++;
      const at = /"body":"t=([\d.]+)"/.exec(text);
      if (at && text.includes('"mine":false')) latencies.push(performance.now() - Number(at[1]));
    });
  const started = performance.now();
  let sent = 0;
  const perTick = CONTRIBUTIONS_PER_SECOND / 100;
  let credit = 0;
  const ticker = setInterval(() => {
    for (credit += perTick; credit >= 1; credit--) {
      const i = Math.floor(Math.random() * sockets.length);
      const socket = sockets[i] as WebSocket;
      sent++;
      socket.send(
        JSON.stringify({
          type: "contribute",
          clientId: randomUUID(),
          agendaItemId: data.firstItemIds[roomOf[i] as number],
          stepIndex: 0,
          kind: "note",
          body: `t=${performance.now().toFixed(3)}`,
        }),
      );
    }
  }, 10);
  await sleep(FLOW_SECONDS * 1000);
  clearInterval(ticker);
  await sleep(2000);
  const seconds = (performance.now() - started) / 1000 - 2;
  for (const socket of sockets) socket.close();
  latencies.sort((a, b) => a - b);
  return {
    sent,
    acked,
    perSecond: acked / seconds,
    deliveries: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    memory: { before, after, perConnection: ((after - before) * 1024) / sockets.length },
  };
}

export async function liveRoomBenchmark() {
  const dataDir = path.resolve(".test-data/bench-live");
  await rm(dataDir, { recursive: true, force: true });
  const base = `http://127.0.0.1:${APP_PORT}`;
  const app = await startProcess(
    ["server/main.ts", "start"],
    {
      PORT: String(APP_PORT),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      EMBEDDED_PG_PORT: String(PG_PORT),
      PUBLIC_URL: base,
      AUTH_SECRET: BENCH_SECRET,
      NODE_ENV: "production",
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    },
    `${base}/healthz`,
  );
  const data = await createBenchData(
    `postgres://lamplight:lamplight@127.0.0.1:${PG_PORT}/lamplight`,
    Math.max(PARTICIPANTS, ROOMS * PER_ROOM),
    ROOMS + 1,
    STEPS + 10,
  );
  try {
    const pid = app.pid as number;
    const big = await oneBigRoom(base, data, pid);
    const bare = await bareBroadcast(big.message);
    const flow = await manyRooms(base, data, pid);
    printResults(big, bare, flow);
    return { big, bare, flow };
  } finally {
    await data.db.$client.end();
    await stopProcess(app);
  }
}

function printResults(
  big: Awaited<ReturnType<typeof oneBigRoom>>,
  bare: StepFigures,
  flow: Awaited<ReturnType<typeof manyRooms>>,
) {
  const ms = (n: number) => n.toFixed(1);
  console.log(
    `\nLive room — one room, ${PARTICIPANTS} participants, ${STEPS} steps ("next" → last participant has it)`,
  );
  console.log("| case | p50 ms | p99 ms | max ms | p99 ratio |\n|---|---:|---:|---:|---:|");
  console.log(
    `| bare ws broadcast, same message | ${ms(bare.p50)} | ${ms(bare.p99)} | ${ms(bare.max)} | 1.00 |`,
  );
  console.log(
    `| Lamplight room (authorise, persist, broadcast) | ${ms(big.app.p50)} | ${ms(big.app.p99)} | ${ms(big.app.max)} | ${(big.app.p99 / bare.p99).toFixed(2)} |`,
  );
  console.log(
    `\n${ROOMS} rooms × ${PER_ROOM}: ${flow.sent} cards sent in ${FLOW_SECONDS} s, ${flow.acked} stored (${flow.perSecond.toFixed(0)}/s), ${flow.deliveries} deliveries, p50 ${ms(flow.p50)} ms, p99 ${ms(flow.p99)} ms`,
  );
  console.log(
    `Server memory per connection: ${big.memory.perConnection.toFixed(0)} KiB (one room: ${big.memory.before.toFixed(0)} → ${big.memory.after.toFixed(0)} MiB), ${flow.memory.perConnection.toFixed(0)} KiB (200 rooms: ${flow.memory.before.toFixed(0)} → ${flow.memory.after.toFixed(0)} MiB)`,
  );
}
