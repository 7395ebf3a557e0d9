import type { Minutes, MinutesContribution, MinutesItem } from "../../../shared/schemas/minutes.ts";
import { contributionLabels, itemKindLabels, meetingWhen, statusLabels } from "./labels.ts";

/** Text people wrote, made inert in Markdown: no headings, links, emphasis or HTML of its own. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, "  \n");
}

const contribution = (c: MinutesContribution) =>
  `- **${contributionLabels[c.kind]}** (${c.author ? escapeMarkdown(c.author) : "Anonymous"}): ${escapeMarkdown(c.body)}`;

function item(it: MinutesItem, index: number): string[] {
  const lines = [`### ${index + 1}. ${escapeMarkdown(it.title)}`, ""];
  const facts = [`${itemKindLabels[it.kind]}, ${it.minutes} min`];
  if (it.protocol)
    facts.push(`protocol: ${escapeMarkdown(it.protocol.name)} (version ${it.protocol.version})`);
  if (it.presenter) facts.push(`presenter: ${escapeMarkdown(it.presenter.name)}`);
  lines.push(`*${facts.join(" · ")}*`, "");
  if (it.focusingQuestion) lines.push(`Focusing question: ${escapeMarkdown(it.focusingQuestion)}`, "");
  if (it.material) lines.push(`Material: ${escapeMarkdown(it.material)}`, "");
  if (it.materialUrl) lines.push(`Link: <${encodeURI(it.materialUrl)}>`, "");
  for (const step of it.steps) {
    lines.push(`#### ${escapeMarkdown(step.title)} (${step.minutes} min)`, "");
    if (step.contributions.length > 0) lines.push(...step.contributions.map(contribution), "");
  }
  if (it.contributions.length > 0) lines.push(...it.contributions.map(contribution), "");
  return lines;
}

/** The minutes as a Markdown document (for download): everything the minutes page shows. */
export function minutesMarkdown(m: Minutes): string {
  const record = m.record;
  const lines = [`# ${escapeMarkdown(m.meeting.title)}`, ""];
  lines.push(
    `${escapeMarkdown(m.meeting.communityName)} — ${meetingWhen(m.meeting.startsAt, m.meeting.timeZone)}`,
    "",
  );
  if (m.summary.trim()) lines.push("## Summary", "", escapeMarkdown(m.summary.trim()), "");
  if (record) {
    const names = (list: { name: string }[]) => list.map((p) => escapeMarkdown(p.name)).join(", ") || "—";
    lines.push("## Attendance", "", `- Present: ${names(record.attendance.present)}`);
    lines.push(`- Absent: ${names(record.attendance.absent)}`, "");
    lines.push("## Agenda", "");
    record.items.forEach((it, index) => {
      lines.push(...item(it, index));
    });
    if (record.notes.trim()) lines.push("## Notes", "", escapeMarkdown(record.notes.trim()), "");
  }
  lines.push("## Decisions", "");
  lines.push(
    ...(m.decisions.length ? m.decisions.map((d) => `- ${escapeMarkdown(d.text)}`) : ["None recorded."]),
    "",
  );
  lines.push("## Action items", "");
  if (m.actionItems.length === 0) lines.push("None recorded.", "");
  else {
    lines.push("| What | Owner | Due | Status |", "| --- | --- | --- | --- |");
    for (const a of m.actionItems) {
      const cells = [a.title, a.owner?.name ?? "—", a.dueOn ?? "—", statusLabels[a.status]];
      lines.push(`| ${cells.map((c) => escapeMarkdown(c)).join(" | ")} |`);
    }
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
