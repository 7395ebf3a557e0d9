import type { ServiceContext } from "../../lib/context.ts";
import { csvFileName, toCsv } from "../../lib/csv.ts";
import { readGroup } from "./service.ts";

/**
 * A group as a spreadsheet for re-teaching: the members the reader may read, their district id, classes
 * and score on the standard. Every cell neutralised (lib/csv.ts); the reading of names is audited.
 */
export async function groupCsv(ctx: ServiceContext, id: string): Promise<{ filename: string; csv: string }> {
  const group = await readGroup(ctx, id, "student group export");
  const header = ["Name", "District ID", "Class", `Percent on ${group.standard}`, "Group", "Purpose"];
  const rows = group.members.map((m) => [
    m.name ?? m.pseudonym,
    m.districtId ?? "",
    m.classes.join("; "),
    m.percent ?? "",
    group.title,
    group.purpose,
  ]);
  return { filename: csvFileName("group", group.title), csv: toCsv(header, rows) };
}
