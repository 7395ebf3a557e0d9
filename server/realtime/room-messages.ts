import type { z } from "zod";
import { clientMessageSchema, type LiveProblem } from "../../shared/schemas/live.ts";
import type { Connection } from "./connection.ts";
import { retractContribution, storeContribution } from "./contributions-store.ts";
import { saveState } from "./live-store.ts";
import { canContribute, canRun } from "./policy.ts";
import type { Room } from "./room.ts";
import { applyCommand, currentStep, staleProblem } from "./state-machine.ts";

type Parsed = z.output<typeof clientMessageSchema>;
type CommandMessage = Extract<Parsed, { type: "command" }>;
type ContributeMessage = Extract<Parsed, { type: "contribute" }>;

/** A JSON text frame from a socket: validated, then a command, a contribution, a retraction or a ping. */
export async function handleText(room: Room, conn: Connection, raw: string): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return conn.send({
      type: "error",
      problem: { status: 400, title: "The server could not read that message." },
    });
  }
  const parsed = clientMessageSchema.safeParse(json);
  if (!parsed.success) return refuseInvalid(room, conn, json, parsed.error);
  const message = parsed.data;
  switch (message.type) {
    case "ping":
      return conn.send({ type: "pong", serverTime: new Date().toISOString() });
    case "command":
      return room.serially(() => runCommand(room, conn, message));
    case "contribute":
      return room.serially(() => contribute(room, conn, message));
    case "retract":
      return room.serially(() => retract(room, conn, message.contributionId));
  }
}

/** Bad input answers the message it belongs to, naming the field (e.g. `body` of an oversized card). */
function refuseInvalid(room: Room, conn: Connection, json: unknown, error: z.ZodError): void {
  const issue = error.issues[0];
  const problem: LiveProblem = {
    status: 400,
    title: issue?.message ?? "That message is not valid.",
    ...(issue?.path.length ? { field: issue.path.join(".") } : {}),
  };
  const message = (typeof json === "object" && json ? json : {}) as Record<string, unknown>;
  if (message.type === "contribute" && typeof message.clientId === "string")
    conn.send({ type: "rejected", clientId: message.clientId, problem });
  else if (message.type === "command" && typeof message.requestId === "string")
    conn.send({ type: "result", requestId: message.requestId, ok: false, problem, state: room.state });
  else conn.send({ type: "error", problem });
}

async function runCommand(room: Room, conn: Connection, message: CommandMessage): Promise<void> {
  const reply = (problem: LiveProblem) =>
    conn.send({ type: "result", requestId: message.requestId, ok: false, problem, state: room.state });
  if (!canRun(conn.access))
    return reply({ status: 403, title: "Only the meeting's facilitator or timekeeper can run the meeting." });
  if (message.expectedVersion !== room.state.version)
    return reply(staleProblem(room.plan.agenda, room.state, room.lastBy));
  const outcome = applyCommand(room.plan.agenda, room.state, message, Date.now());
  if (!outcome.ok) return reply(outcome.problem);
  // The minutes read the notes from the database: everything typed so far must be there first.
  if (message.command === "end") await room.notes.flush();
  const saved = await saveState(room.deps.db, room.meeting, room.state.version, outcome.state, conn.personId);
  if (!saved) {
    // Another server process applied a command first; its state arrives over the bus (or on reload).
    await room.reload();
    return reply(staleProblem(room.plan.agenda, room.state, room.lastBy));
  }
  room.applied(outcome.state, conn.access.actor.name);
  conn.send({ type: "result", requestId: message.requestId, ok: true, state: outcome.state });
}

async function contribute(room: Room, conn: Connection, message: ContributeMessage): Promise<void> {
  const reject = (status: number, title: string, field?: string) =>
    conn.send({
      type: "rejected",
      clientId: message.clientId,
      problem: field ? { status, title, field } : { status, title },
    });
  if (!canContribute(conn.access))
    return reject(403, "Observers watch the meeting; they don't add contributions.");
  if (room.state.phase === "ended")
    return reject(409, "This meeting has ended; it takes no more contributions.");
  const itemIndex = room.plan.agenda.findIndex((item) => item.id === message.agendaItemId);
  const step = currentStep(room.plan.agenda, { itemIndex, stepIndex: message.stepIndex });
  if (itemIndex < 0 || !step) return reject(400, "That step is not on this meeting's agenda.", "stepIndex");
  const ahead =
    itemIndex > room.state.itemIndex ||
    (itemIndex === room.state.itemIndex && message.stepIndex > room.state.stepIndex);
  if (ahead) return reject(409, `“${step.title}” has not started yet.`, "stepIndex");
  if (message.kind !== "note" && message.kind !== step.captures)
    return reject(400, `“${step.title}” doesn't collect this kind of contribution.`, "kind");
  if (step.anonymity === "named" && message.anonymous)
    return reject(400, `Contributions in “${step.title}” carry your name.`, "anonymous");
  const anonymous = step.anonymity === "anonymous" || message.anonymous;
  const stored = await storeContribution(room.deps.db, room.meeting, conn.personId, {
    ...message,
    anonymous,
  });
  if (!stored) return reject(409, "Send this contribution again as a new one.", "clientId");
  conn.send({ type: "ack", clientId: message.clientId, contributionId: stored.contribution.id });
  if (stored.created) room.added(stored.contribution);
}

async function retract(room: Room, conn: Connection, contributionId: string): Promise<void> {
  const problem = (status: number, title: string) => conn.send({ type: "error", problem: { status, title } });
  if (room.state.phase === "ended")
    return problem(409, "This meeting has ended; its contributions are kept as they are.");
  if (!(await retractContribution(room.deps.db, room.meeting.id, conn.personId, contributionId)))
    return problem(404, "You can only take back your own contributions.");
  room.retracted(contributionId);
}
