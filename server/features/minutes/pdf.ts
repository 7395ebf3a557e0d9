import PDFDocument from "pdfkit";
import type { Minutes, MinutesContribution, MinutesItem } from "../../../shared/schemas/minutes.ts";
import { contributionLabels, itemKindLabels, meetingWhen, statusLabels } from "./labels.ts";

type Doc = PDFKit.PDFDocument;

// The built-in PDF fonts cover Latin-1 and WinAnsi punctuation; anything else would print as
// garbage, so it is shown as "?" until Lamplight ships a Unicode font.
const WIN_ANSI_EXTRA = "–—‘’‚“”„•…€™ŠšŽžŒœŸ†‡‰‹›ˆ˜ƒ";
const printable = (text: string) =>
  Array.from(text, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return (code >= 0x20 && code <= 0xff) || c === "\n" || WIN_ANSI_EXTRA.includes(c) ? c : "?";
  }).join("");

function heading(doc: Doc, text: string, size: number) {
  // Keep a heading with at least a few lines of what follows it (no heading alone at a page's foot).
  if (doc.y > doc.page.height - doc.page.margins.bottom - size * 5) doc.addPage();
  doc.moveDown(0.6).font("Helvetica-Bold").fontSize(size).text(printable(text)).moveDown(0.2);
  doc.font("Helvetica").fontSize(11);
}

const para = (doc: Doc, text: string) => doc.font("Helvetica").fontSize(11).text(printable(text));

function contribution(doc: Doc, c: MinutesContribution) {
  doc
    .font("Helvetica-Bold")
    .fontSize(11)
    .text(printable(`• ${contributionLabels[c.kind]} (${c.author ?? "Anonymous"}): `), { continued: true })
    .font("Helvetica")
    .text(printable(c.body), { indent: 0 });
}

function item(doc: Doc, it: MinutesItem, index: number) {
  heading(doc, `${index + 1}. ${it.title}`, 14);
  const facts = [`${itemKindLabels[it.kind]}, ${it.minutes} min`];
  if (it.protocol) facts.push(`protocol: ${it.protocol.name} (version ${it.protocol.version})`);
  if (it.presenter) facts.push(`presenter: ${it.presenter.name}`);
  doc
    .font("Helvetica-Oblique")
    .fontSize(10)
    .text(printable(facts.join(" · ")));
  if (it.focusingQuestion) para(doc, `Focusing question: ${it.focusingQuestion}`);
  if (it.material) para(doc, `Material: ${it.material}`);
  if (it.materialUrl) para(doc, `Link: ${it.materialUrl}`);
  for (const step of it.steps) {
    heading(doc, `${step.title} (${step.minutes} min)`, 12);
    for (const c of step.contributions) contribution(doc, c);
  }
  if (it.contributions.length > 0) doc.moveDown(0.3);
  for (const c of it.contributions) contribution(doc, c);
}

function outcomes(doc: Doc, m: Minutes) {
  heading(doc, "Decisions", 16);
  if (m.decisions.length === 0) para(doc, "None recorded.");
  for (const d of m.decisions) para(doc, `• ${d.text}`);
  heading(doc, "Action items", 16);
  if (m.actionItems.length === 0) para(doc, "None recorded.");
  for (const a of m.actionItems) {
    const who = a.owner?.name ?? "No owner";
    const due = a.dueOn ? `due ${a.dueOn}` : "no due date";
    para(doc, `• ${a.title} — ${who}, ${due}, ${statusLabels[a.status].toLowerCase()}`);
  }
}

/**
 * The minutes as a PDF of real text (searchable, readable by screen readers once opened), A4/Letter
 * independent margins, headings kept with what follows. Uncompressed: minutes are a few pages of text.
 */
export function minutesPdf(m: Minutes): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "LETTER",
    margin: 56,
    compress: false,
    info: { Title: printable(m.meeting.title), Subject: printable(`Minutes of ${m.meeting.communityName}`) },
    lang: "en",
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font("Helvetica-Bold").fontSize(22).text(printable(m.meeting.title));
  para(doc, `${m.meeting.communityName} — ${meetingWhen(m.meeting.startsAt, m.meeting.timeZone)}`);
  if (m.summary.trim()) {
    heading(doc, "Summary", 16);
    para(doc, m.summary.trim());
  }
  const record = m.record;
  if (record) {
    heading(doc, "Attendance", 16);
    const names = (list: { name: string }[]) => list.map((p) => p.name).join(", ") || "—";
    para(doc, `Present: ${names(record.attendance.present)}`);
    para(doc, `Absent: ${names(record.attendance.absent)}`);
    heading(doc, "Agenda", 16);
    record.items.forEach((it, index) => {
      item(doc, it, index);
    });
    if (record.notes.trim()) {
      heading(doc, "Notes", 16);
      para(doc, record.notes.trim());
    }
  }
  outcomes(doc, m);
  doc.end();
  return done;
}
