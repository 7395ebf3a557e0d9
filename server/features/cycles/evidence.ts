import { sql } from "drizzle-orm";
import type { EvidenceInput } from "../../../shared/schemas/cycles.ts";
import type { Executor } from "../../db/client.ts";
import { cycleEvidence } from "../../db/schema/index.ts";
import { AppError, forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { loadArtifactAccess } from "../artifacts/access.ts";
import { canReadMeetings } from "../meetings/policy.ts";
import type { LoadedCycle } from "./load.ts";
import { canContribute, canRemoveEvidence } from "./policy.ts";
import { writeCycle } from "./write.ts";

const CONTRIBUTORS = "Only the community's members and facilitators can add evidence.";

/**
 * Links evidence to a stage the team has reached: one of the community's work samples or meetings the
 * actor can open, a goal the actor can read (the community's own or the district's and schools'), or an
 * https link. Something of another community or district is refused as if it did not exist.
 */
export async function addEvidence(ctx: ServiceContext, cycleId: string, input: EvidenceInput) {
  return writeCycle(
    ctx,
    cycleId,
    { allowed: (l) => canContribute(l.access), refusal: CONTRIBUTORS },
    async (tx, loaded) => {
      if (input.stage > loaded.row.stage)
        throw invalid("stage", "Add evidence to a stage the team has reached.");
      const target = await resolveTarget(tx, ctx, loaded, input);
      const duplicate = await tx.execute(sql`
      select 1 from cycle_evidence where cycle_id = ${cycleId} and stage = ${input.stage} and kind = ${input.kind}
        and coalesce(artifact_id, meeting_id, goal_id)::text is not distinct from ${target.id}
        and url = ${target.url}`);
      if (duplicate.rows.length > 0) throw invalid(fieldOf(input), "This is already evidence of this stage.");
      await tx.insert(cycleEvidence).values({
        id: newId(),
        orgId: ctx.actor.orgId,
        cycleId,
        stage: input.stage,
        kind: input.kind,
        artifactId: input.kind === "artifact" ? input.artifactId : null,
        meetingId: input.kind === "meeting" ? input.meetingId : null,
        goalId: input.kind === "goal" ? input.goalId : null,
        url: target.url,
        title: input.kind === "url" ? input.title : "",
        note: input.note,
        addedBy: ctx.actor.id,
      });
    },
  );
}

const fieldOf = (input: EvidenceInput) =>
  input.kind === "artifact"
    ? "artifactId"
    : input.kind === "meeting"
      ? "meetingId"
      : input.kind === "goal"
        ? "goalId"
        : "url";

async function resolveTarget(
  tx: Executor,
  ctx: ServiceContext,
  loaded: LoadedCycle,
  input: EvidenceInput,
): Promise<{ id: string | null; url: string }> {
  const communityId = loaded.row.community_id;
  switch (input.kind) {
    case "artifact": {
      const message = "Choose a work sample of this community that you can open.";
      const found = await loadArtifactAccess(tx, ctx.actor, input.artifactId).catch((error) => {
        if (error instanceof AppError && error.status === 404) throw invalid("artifactId", message);
        throw error;
      });
      if (found.head.community_id !== communityId) throw invalid("artifactId", message);
      return { id: input.artifactId, url: "" };
    }
    case "meeting": {
      const found = await tx.execute(sql`
        select 1 from meetings where id = ${input.meetingId} and community_id = ${communityId}
          and org_id = ${ctx.actor.orgId}`);
      if (found.rows.length === 0 || !canReadMeetings(loaded.community.access))
        throw invalid("meetingId", "Choose a meeting of this community.");
      return { id: input.meetingId, url: "" };
    }
    case "goal": {
      // A community's goal only from this community; the district's and schools' plans are public to it.
      const found = await tx.execute(sql`
        select 1 from goals where id = ${input.goalId} and org_id = ${ctx.actor.orgId}
          and (community_id = ${communityId} or level <> 'community')`);
      if (found.rows.length === 0)
        throw invalid("goalId", "Choose a goal of this community or its district.");
      return { id: input.goalId, url: "" };
    }
    case "url":
      return { id: null, url: input.url };
  }
}

export async function removeEvidence(ctx: ServiceContext, cycleId: string, evidenceId: string) {
  return writeCycle(
    ctx,
    cycleId,
    { allowed: (l) => canContribute(l.access), refusal: CONTRIBUTORS },
    async (tx, loaded) => {
      const found = await tx.execute<{ added_by: string }>(sql`
      select added_by from cycle_evidence where id = ${evidenceId} and cycle_id = ${cycleId}`);
      const row = found.rows[0];
      if (!row) throw notFound("This evidence");
      if (!canRemoveEvidence(loaded.access, row.added_by))
        throw forbidden("Only whoever added it and the community's facilitators can remove this evidence.");
      await tx.execute(sql`delete from cycle_evidence where id = ${evidenceId}`);
    },
  );
}
