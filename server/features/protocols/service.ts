import { and, asc, desc, eq, gte, ilike, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { ProtocolDefinition } from "../../../shared/protocols/definition.ts";
import type {
  Protocol,
  ProtocolList,
  ProtocolListQuery,
  ProtocolVersion,
  ProtocolVersionRef,
} from "../../../shared/schemas/protocols.ts";
import type { Executor } from "../../db/client.ts";
import { people, protocols, protocolVersions } from "../../db/schema/index.ts";
import { forbidden, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { containsPattern } from "../../lib/like.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import {
  loadProtocol,
  presentSummary,
  protocolActor,
  type SummaryRow,
  selectSummaries,
  visibleTo,
} from "./load.ts";
import { canCreateProtocol, canListArchived, type ProtocolActor } from "./policy.ts";

/**
 * The library: built-ins and the district's own, by name, searchable and filterable; administrators may
 * ask for the archived ones instead. Cursor = the last (name, id) seen.
 */
export async function listProtocols(ctx: ServiceContext, query: ProtocolListQuery): Promise<ProtocolList> {
  const who = await protocolActor(ctx.db, ctx.actor);
  if (query.archived && !canListArchived(ctx.actor))
    throw forbidden("Only district administrators can see archived protocols.", "archived");
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await selectSummaries(ctx.db)
    .where(
      and(
        visibleTo(ctx.actor),
        query.archived
          ? and(isNotNull(protocols.archivedAt), eq(protocols.orgId, ctx.actor.orgId))
          : isNull(protocols.archivedAt),
        query.q
          ? or(
              ilike(protocols.name, containsPattern(query.q)),
              ilike(protocols.summary, containsPattern(query.q)),
            )
          : undefined,
        query.purpose ? eq(protocols.purpose, query.purpose) : undefined,
        query.maxMinutes !== undefined ? lte(protocols.totalMinutes, query.maxMinutes) : undefined,
        query.groupSize !== undefined
          ? and(lte(protocols.groupMin, query.groupSize), gte(protocols.groupMax, query.groupSize))
          : undefined,
        after ? sql`(${protocols.name}, ${protocols.id}) > (${after.name}, ${after.id})` : undefined,
      ),
    )
    .orderBy(asc(protocols.name), asc(protocols.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => presentSummary(row, who)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.protocol.name, last.protocol.id) : null,
    can: { create: canCreateProtocol(who) },
  };
}

/** A protocol with its current definition, its versions and where it was copied from. */
export async function getProtocol(ctx: ServiceContext, id: string): Promise<Protocol> {
  const who = await protocolActor(ctx.db, ctx.actor);
  return presentProtocol(ctx.db, await loadProtocol(ctx.db, ctx.actor, id), who);
}

/** One version exactly as it was saved (what a past meeting used). */
export async function getProtocolVersion(
  ctx: ServiceContext,
  id: string,
  versionId: string,
): Promise<ProtocolVersion> {
  const loaded = await loadProtocol(ctx.db, ctx.actor, id);
  const [row] = await versionRows(ctx.db, id, eq(protocolVersions.id, versionId));
  if (!row) throw notFound("This version of the protocol");
  return {
    ...presentVersionRef(row),
    protocolId: id,
    current: row.id === loaded.protocol.currentVersionId,
    definition: row.definition,
  };
}

/** The full API shape of a loaded protocol (also what writes answer with). */
export async function presentProtocol(db: Executor, row: SummaryRow, who: ProtocolActor): Promise<Protocol> {
  const p = row.protocol;
  const versions = await versionRows(db, p.id);
  const current = versions.find((v) => v.id === p.currentVersionId);
  if (!current) throw new Error(`protocol ${p.id} has no current version`);
  const [creator] = p.createdBy
    ? await db.select({ id: people.id, name: people.name }).from(people).where(eq(people.id, p.createdBy))
    : [];
  return {
    ...presentSummary(row, who),
    definition: current.definition,
    versions: versions.map(presentVersionRef),
    copiedFrom: p.copiedFromVersionId ? await copiedFrom(db, p.copiedFromVersionId) : null,
    createdBy: creator ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

type VersionRow = {
  id: string;
  version: number;
  createdAt: Date;
  definition: ProtocolDefinition;
  authorId: string | null;
  authorName: string | null;
};

/** A protocol's versions, newest first, with their authors. */
function versionRows(db: Executor, protocolId: string, extra?: ReturnType<typeof eq>): Promise<VersionRow[]> {
  return db
    .select({
      id: protocolVersions.id,
      version: protocolVersions.version,
      createdAt: protocolVersions.createdAt,
      definition: protocolVersions.definition,
      authorId: people.id,
      authorName: people.name,
    })
    .from(protocolVersions)
    .leftJoin(people, eq(people.id, protocolVersions.createdBy))
    .where(and(eq(protocolVersions.protocolId, protocolId), extra))
    .orderBy(desc(protocolVersions.version));
}

const presentVersionRef = (v: VersionRow): ProtocolVersionRef => ({
  id: v.id,
  version: v.version,
  createdAt: v.createdAt.toISOString(),
  author: v.authorId && v.authorName !== null ? { id: v.authorId, name: v.authorName } : null,
});

/** The original an adaptation was copied from: its name now, and the version that was copied. */
async function copiedFrom(db: Executor, versionId: string): Promise<Protocol["copiedFrom"]> {
  const [row] = await db
    .select({ id: protocols.id, name: protocols.name, version: protocolVersions.version })
    .from(protocolVersions)
    .innerJoin(protocols, eq(protocols.id, protocolVersions.protocolId))
    .where(eq(protocolVersions.id, versionId));
  return row ?? null;
}
