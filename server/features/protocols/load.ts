import { and, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { ProtocolSummary } from "../../../shared/schemas/protocols.ts";
import type { Executor } from "../../db/client.ts";
import {
  communities,
  memberships,
  organizations,
  protocols,
  protocolVersions,
} from "../../db/schema/index.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { notFound } from "../../http/errors.ts";
import { type ProtocolAccess, type ProtocolActor, protocolCan } from "./policy.ts";

/** The actor with what the protocol policy needs: do they facilitate an active community? */
export async function protocolActor(db: Executor, actor: Actor): Promise<ProtocolActor> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .where(
      and(
        eq(memberships.orgId, actor.orgId),
        eq(memberships.personId, actor.id),
        eq(memberships.role, "facilitator"),
        eq(memberships.status, "active"),
        isNull(communities.archivedAt),
      ),
    )
    .limit(1);
  return { actor, facilitates: row !== undefined };
}

/** Built-ins (no district) and the actor's own district's protocols; nothing of another district. */
export const visibleTo = (actor: Actor): SQL | undefined =>
  or(isNull(protocols.orgId), eq(protocols.orgId, actor.orgId));

/** The columns a library card needs, with the current version's number and the owner's name. */
export const summaryColumns = {
  protocol: protocols,
  version: protocolVersions.version,
  orgName: organizations.name,
};

export type SummaryRow = {
  protocol: typeof protocols.$inferSelect;
  version: number;
  orgName: string | null;
};

/** Select summaries: protocols joined with their current version and owning district. */
export const selectSummaries = (db: Executor) =>
  db
    .select(summaryColumns)
    .from(protocols)
    .innerJoin(protocolVersions, eq(protocolVersions.id, protocols.currentVersionId))
    .leftJoin(organizations, eq(organizations.id, protocols.orgId));

/**
 * One protocol the actor may see, or 404 — the same answer for another district's protocol as for a
 * missing one. `forUpdate` locks the row, so two edits from the same base version cannot both win.
 */
export async function loadProtocol(
  db: Executor,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<SummaryRow> {
  const query = selectSummaries(db).where(and(eq(protocols.id, id), visibleTo(actor)));
  const [row] = forUpdate ? await query.for("update", { of: protocols }) : await query;
  if (!row) throw notFound("This protocol");
  return row;
}

export const accessOf = (p: typeof protocols.$inferSelect): ProtocolAccess => ({
  builtIn: p.orgId === null,
  createdBy: p.createdBy,
  archived: p.archivedAt !== null,
});

/** A library card, with what the caller may do with it. */
export function presentSummary(row: SummaryRow, who: ProtocolActor): ProtocolSummary {
  const p = row.protocol;
  return {
    id: p.id,
    name: p.name,
    purpose: p.purpose,
    summary: p.summary,
    totalMinutes: p.totalMinutes,
    groupSize: { min: p.groupMin, max: p.groupMax },
    builtIn: p.orgId === null,
    archived: p.archivedAt !== null,
    currentVersionId: p.currentVersionId ?? "",
    version: row.version,
    owner:
      row.orgName === null
        ? { kind: "lamplight", name: "Lamplight" }
        : { kind: "district", name: row.orgName },
    can: protocolCan(who, accessOf(p)),
  };
}
