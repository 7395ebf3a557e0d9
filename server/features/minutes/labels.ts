import type { ContributionKind } from "../../../shared/protocols/definition.ts";
import type { ActionItemStatus, AgendaItemKind } from "../../../shared/schemas/meeting-enums.ts";

/** Words of the exported minutes (Markdown and PDF are written in English for now). */
export const contributionLabels: Record<ContributionKind, string> = {
  clarifying_question: "Clarifying question",
  probing_question: "Probing question",
  warm_feedback: "Warm feedback",
  cool_feedback: "Cool feedback",
  observation: "Observation",
  interpretation: "Interpretation",
  prediction: "Prediction",
  implication: "Implication",
  celebration: "Celebration",
  struggle: "Struggle",
  next_step: "Next step",
  note: "Note",
};

export const itemKindLabels: Record<AgendaItemKind, string> = {
  protocol: "Protocol",
  discussion: "Discussion",
  data_review: "Data review",
  announcements: "Announcements",
  action_review: "Review of action items",
};

export const statusLabels: Record<ActionItemStatus, string> = {
  open: "Open",
  done: "Done",
  dropped: "Dropped",
};

/** "Thursday, May 14, 2026 at 3:30 PM" where the meeting took place, with its zone named. */
export function meetingWhen(startsAt: string, timeZone: string): string {
  const when = new Intl.DateTimeFormat("en-US", {
    dateStyle: "full",
    timeStyle: "short",
    timeZone,
  }).format(new Date(startsAt));
  return `${when} (${timeZone.replaceAll("_", " ")})`;
}

/** "2026-05-14-grade-7-math-team" — a readable, ASCII-only file name for downloads. */
export function fileStem(startsAt: string, timeZone: string, title: string): string {
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(startsAt));
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `minutes-${day}${slug ? `-${slug}` : ""}`;
}

/** Content-Disposition for a download: an ASCII fallback name and the UTF-8 one (RFC 6266). */
export function attachment(stem: string, extension: string): string {
  const name = `${stem}.${extension}`;
  return `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
