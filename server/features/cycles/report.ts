import { sql } from "drizzle-orm";
import type { cycleStages } from "../../../shared/schemas/goal-enums.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { csvCell } from "../../lib/csv.ts";
import { readCycle } from "./service.ts";

/** The stages' names as the report prints them (the web has its own catalogue; this file is English). */
const stageNames: Record<(typeof cycleStages)[number], string> = {
  identify_needs: "Identify learning needs",
  set_goal: "Set the goal",
  professional_learning: "Professional learning",
  plan_strategy: "Plan the strategy",
  collect_evidence: "Collect evidence",
  evaluate_results: "Evaluate results",
  decide: "Decide",
};

const dateIn = (iso: string | null, timeZone: string) =>
  iso ? new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" }).format(new Date(iso)) : "";

/** The stage fields' names as the report prints them, in the order the stage asks for them. */
const fieldNames: Record<string, string> = {
  studentNeeds: "Student learning needs",
  educatorNeeds: "Educator learning needs",
  evidenceReviewed: "Evidence looked at",
  why: "Why this goal",
  learningNeeds: "What the team needs to learn",
  approach: "How (resources, sessions)",
  strategy: "Strategy",
  who: "Who",
  what: "What",
  classes: "In which classes",
  from: "From",
  to: "To",
  summary: "Evidence collected",
  findings: "What the evidence shows",
};

function fieldsOf(details: Record<string, unknown>, names: Map<string, string>) {
  return Object.keys(fieldNames)
    .filter((key) => key in details)
    .map((key) => {
      const value = details[key];
      const shown = Array.isArray(value) ? value.map((v) => names.get(String(v)) ?? "").join(", ") : value;
      return shown === null || shown === "" ? null : `${fieldNames[key]}: ${String(shown)}`;
    })
    .filter((line) => line !== null)
    .join("\n");
}

/** The story of a cycle from need to result, one row per stage (dates in the reader's time zone). */
export async function cycleReportCsv(
  ctx: ServiceContext,
  id: string,
): Promise<{ filename: string; csv: string }> {
  const cycle = await readCycle(ctx, id);
  const zone = await ctx.db.execute<{ time_zone: string }>(
    sql`select time_zone from people where id = ${ctx.actor.id}`,
  );
  const timeZone = zone.rows[0]?.time_zone ?? "UTC";
  const people = await ctx.db.execute<{ id: string; name: string }>(sql`
    select p.id, p.name from memberships m join people p on p.id = m.person_id
    where m.community_id = ${cycle.communityId}`);
  const names = new Map(people.rows.map((p) => [p.id, p.name]));
  const g = cycle.goal;
  const rows: unknown[][] = [
    ["Cycle", cycle.title],
    ["Community", cycle.communityName],
    ["Status", cycle.status, cycle.decision ?? ""],
    [
      "Goal",
      g?.title ?? "",
      g ? `baseline ${g.baseline ?? ""}` : "",
      g ? `target ${g.target ?? ""}` : "",
      g?.latest ? `latest ${g.latest.value} on ${g.latest.measuredOn}` : "",
    ],
    [],
    ["Stage", "Name", "Entered", "Completed", "Notes", "Fields", "Evidence"],
    ...cycle.stages.map((s) => [
      s.stage,
      stageNames[s.key],
      dateIn(s.enteredAt, timeZone),
      dateIn(s.completedAt, timeZone),
      s.notes,
      fieldsOf(s.details, names),
      s.evidence.map((e) => (e.url ? `${e.title} (${e.url})` : `${e.kind}: ${e.title}`)).join("\n"),
    ]),
    [],
    ["Decision", cycle.decision ?? "", cycle.decisionNote],
    ["Next cycle takes on", cycle.nextFocus],
  ];
  const csv = rows.map((r) => r.map(csvCell).join(",")).join("\r\n");
  const slug =
    cycle.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "cycle";
  return { filename: `cycle-${slug}.csv`, csv: `${csv}\r\n` };
}
