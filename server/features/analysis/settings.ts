import { eq } from "drizzle-orm";
import { type StudentDataSettings, studentDataSettingsSchema } from "../../../shared/schemas/analysis.ts";
import { organizations } from "../../db/schema/index.ts";
import { forbidden } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { parseInput } from "../artifacts/service.ts";
import { recordAudit } from "../audit/record.ts";

/*
 * The district's student-data settings: the smallest group whose aggregates are shown to people without
 * a roster relationship to its students. Administrators only (403 to anyone else, before any lookup).
 */

function requireAdministrator(ctx: ServiceContext) {
  if (ctx.actor.orgRole !== "administrator")
    throw forbidden("Only district administrators change how student data is shown.");
}

export async function readStudentDataSettings(ctx: ServiceContext): Promise<StudentDataSettings> {
  requireAdministrator(ctx);
  const [row] = await ctx.db
    .select({ studentGroupMinimum: organizations.studentGroupMinimum })
    .from(organizations)
    .where(eq(organizations.id, ctx.actor.orgId));
  return { studentGroupMinimum: row?.studentGroupMinimum ?? 10 };
}

export async function updateStudentDataSettings(
  ctx: ServiceContext,
  body: unknown,
): Promise<StudentDataSettings> {
  requireAdministrator(ctx);
  const input = parseInput(studentDataSettingsSchema, body);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ minimum: organizations.studentGroupMinimum })
      .from(organizations)
      .where(eq(organizations.id, ctx.actor.orgId))
      .for("update");
    await tx
      .update(organizations)
      .set({ studentGroupMinimum: input.studentGroupMinimum })
      .where(eq(organizations.id, ctx.actor.orgId));
    if (before?.minimum !== input.studentGroupMinimum)
      await recordAudit(tx, {
        orgId: ctx.actor.orgId,
        actorId: ctx.actor.id,
        action: "student_data.settings_changed",
        subjectType: "organization",
        subjectId: ctx.actor.orgId,
        details: { studentGroupMinimum: { from: before?.minimum ?? null, to: input.studentGroupMinimum } },
        ip: ctx.ip,
      });
    return { studentGroupMinimum: input.studentGroupMinimum };
  });
}
