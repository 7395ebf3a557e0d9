import { eq, sql } from "drizzle-orm";
import { type ProtocolDefinition, totalMinutes } from "../../../shared/protocols/definition.ts";
import type { Protocol, ProtocolUpdate } from "../../../shared/schemas/protocols.ts";
import { protocols, protocolVersions } from "../../db/schema/index.ts";
import { conflict, forbidden } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { recordAudit } from "../audit/record.ts";
import { accessOf, loadProtocol, protocolActor } from "./load.ts";
import { canChangeProtocol, canCreateProtocol, type ProtocolActor } from "./policy.ts";
import { presentProtocol } from "./service.ts";

const NAME_MAX = 120;
const ADAPTED = " (adapted)";

/** Writes a new protocol of the actor's district (version 1). Runs in the caller's transaction. */
export async function createProtocol(ctx: ServiceContext, definition: ProtocolDefinition): Promise<Protocol> {
  const who = await mayCreate(ctx, "Only administrators, school leaders and facilitators can add protocols.");
  const id = await insertProtocol(ctx, definition, null);
  return reload(ctx, id, who);
}

/** Copies a protocol the actor can see into their district, to adapt: "<name> (adapted)", version 1. */
export async function copyProtocol(
  ctx: ServiceContext,
  id: string,
  name: string | undefined,
): Promise<Protocol> {
  const source = await loadProtocol(ctx.db, ctx.actor, id);
  const who = await mayCreate(
    ctx,
    "Only administrators, school leaders and facilitators can adapt protocols.",
  );
  const [current] = await ctx.db
    .select({ id: protocolVersions.id, definition: protocolVersions.definition })
    .from(protocolVersions)
    .where(eq(protocolVersions.id, source.protocol.currentVersionId ?? ""));
  if (!current) throw new Error(`protocol ${id} has no current version`);
  const copyName = name ?? `${current.definition.name.slice(0, NAME_MAX - ADAPTED.length)}${ADAPTED}`;
  const newProtocolId = await insertProtocol(
    ctx,
    { ...current.definition, name: copyName },
    { versionId: current.id, name: source.protocol.name },
  );
  return reload(ctx, newProtocolId, who);
}

/**
 * Saves an edit as a new version and makes it current; earlier versions stay for the meetings that used
 * them. Refused (409) when the edit started from an older version than the current one.
 */
export async function updateProtocol(
  ctx: ServiceContext,
  id: string,
  input: ProtocolUpdate,
): Promise<Protocol> {
  const { baseVersion, ...definition } = input;
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const who = await protocolActor(tx, ctx.actor);
    const loaded = await loadProtocol(tx, ctx.actor, id, true);
    mustChange(who, loaded.protocol, "edit");
    if (loaded.protocol.archivedAt) throw forbidden("Restore this protocol before editing it.");
    if (baseVersion !== loaded.version) {
      throw conflict(
        `Someone saved version ${loaded.version} of this protocol while you were editing version ${baseVersion}. Copy your changes, reload, and make them again.`,
        "baseVersion",
      );
    }
    const versionId = newId();
    await tx.insert(protocolVersions).values({
      id: versionId,
      protocolId: id,
      orgId: ctx.actor.orgId,
      version: loaded.version + 1,
      definition,
      createdBy: ctx.actor.id,
    });
    await tx
      .update(protocols)
      .set({ ...columns(definition), currentVersionId: versionId, updatedAt: sql`now()` })
      .where(eq(protocols.id, id));
    await audit(txCtx, "protocol.edited", id, { name: definition.name, version: loaded.version + 1 });
    return reload(txCtx, id, who);
  });
}

/** Archives (or restores) a district protocol: it leaves the library; meetings that used it keep it. */
export async function setProtocolArchived(
  ctx: ServiceContext,
  id: string,
  archived: boolean,
): Promise<Protocol> {
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const who = await protocolActor(tx, ctx.actor);
    const loaded = await loadProtocol(tx, ctx.actor, id, true);
    mustChange(who, loaded.protocol, archived ? "archive" : "restore");
    if ((loaded.protocol.archivedAt !== null) !== archived) {
      await tx
        .update(protocols)
        .set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()` })
        .where(eq(protocols.id, id));
      const action = archived ? "protocol.archived" : "protocol.restored";
      await audit(txCtx, action, id, { name: loaded.protocol.name });
    }
    return reload(txCtx, id, who);
  });
}

async function mayCreate(ctx: ServiceContext, message: string): Promise<ProtocolActor> {
  const who = await protocolActor(ctx.db, ctx.actor);
  if (!canCreateProtocol(who)) throw forbidden(message);
  return who;
}

function mustChange(who: ProtocolActor, p: typeof protocols.$inferSelect, verb: string) {
  if (canChangeProtocol(who, accessOf(p))) return;
  throw forbidden(
    p.orgId === null
      ? `Protocols that come with Lamplight can't be changed. Copy this one to ${verb === "edit" ? "adapt" : verb} your own version.`
      : `Only district administrators and the person who wrote this protocol can ${verb} it.`,
  );
}

const columns = (definition: ProtocolDefinition) => ({
  name: definition.name,
  purpose: definition.purpose,
  summary: definition.summary,
  totalMinutes: totalMinutes(definition.steps),
  groupMin: definition.groupSize.min,
  groupMax: definition.groupSize.max,
});

/** A new district protocol with its first version; `copiedFrom` the version it adapts, if any. */
async function insertProtocol(
  ctx: ServiceContext,
  definition: ProtocolDefinition,
  copiedFrom: { versionId: string; name: string } | null,
): Promise<string> {
  const { actor, db } = ctx;
  const id = newId();
  const versionId = newId();
  await db.insert(protocols).values({
    id,
    orgId: actor.orgId,
    ...columns(definition),
    copiedFromVersionId: copiedFrom?.versionId ?? null,
    createdBy: actor.id,
  });
  await db.insert(protocolVersions).values({
    id: versionId,
    protocolId: id,
    orgId: actor.orgId,
    version: 1,
    definition,
    createdBy: actor.id,
  });
  await db.update(protocols).set({ currentVersionId: versionId }).where(eq(protocols.id, id));
  await audit(ctx, "protocol.created", id, {
    name: definition.name,
    ...(copiedFrom ? { copiedFrom: copiedFrom.name } : {}),
  });
  return id;
}

function audit(
  ctx: ServiceContext,
  action: "protocol.created" | "protocol.edited" | "protocol.archived" | "protocol.restored",
  id: string,
  details: Record<string, unknown>,
) {
  return recordAudit(ctx.db, {
    orgId: ctx.actor.orgId,
    actorId: ctx.actor.id,
    action,
    subjectType: "protocol",
    subjectId: id,
    details,
    ip: ctx.ip,
  });
}

async function reload(ctx: ServiceContext, id: string, who: ProtocolActor) {
  return presentProtocol(ctx.db, await loadProtocol(ctx.db, ctx.actor, id), who);
}
