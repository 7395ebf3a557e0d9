import { describe, expect, it } from "vitest";
import { i18n } from "../../i18n/index.ts";
import type { Notification } from "./api.ts";
import { sentenceOf } from "./sentence.ts";

const n = (
  kind: Notification["kind"],
  data: Record<string, string>,
  actorName: string | null = "Samuel Ortiz",
) =>
  ({
    id: "x",
    kind,
    data,
    path: "/",
    actorName,
    read: false,
    createdAt: "2026-12-01T08:00:00Z",
  }) as Notification;
const say = (notification: Notification) => sentenceOf(notification, i18n.t);

describe("notification sentences", () => {
  it("name who did what on which work, Anonymous when it was given anonymously", () => {
    expect(say(n("feedback", { artifactTitle: "Ratio quiz", feedbackKind: "warm" }))).toBe(
      "Samuel Ortiz gave warm feedback on Ratio quiz",
    );
    expect(say(n("feedback", { artifactTitle: "Ratio quiz", feedbackKind: "probing" }, null))).toBe(
      "Anonymous asked a probing question about Ratio quiz",
    );
    const answered = { artifactTitle: "Ratio quiz", feedbackKind: "clarifying", answered: "true" };
    expect(say(n("feedback", answered))).toBe("Samuel Ortiz answered your question about Ratio quiz");
  });

  it("cover replies, mentions, invitations and exemplar news", () => {
    const where = { thread: "Exit tickets", community: "Grade 7 Math Team" };
    expect(say(n("reply", where))).toBe("Samuel Ortiz replied in Exit tickets (Grade 7 Math Team)");
    expect(say(n("mention", where))).toBe("Samuel Ortiz mentioned you in Exit tickets (Grade 7 Math Team)");
    expect(say(n("invitation", { community: "Grade 7 Math Team", role: "member" }))).toBe(
      "Samuel Ortiz invited you to join Grade 7 Math Team",
    );
    expect(say(n("exemplar", { event: "approved", title: "Ratio quiz" }))).toBe(
      "Samuel Ortiz approved Ratio quiz as an exemplar",
    );
  });

  it("still reads as a sentence when the data is older or unexpected", () => {
    expect(say(n("feedback", { title: "Ratio quiz", feedbackKind: "shout" }))).toBe(
      "Samuel Ortiz gave warm feedback on Ratio quiz",
    );
    expect(say(n("exemplar", { title: "Ratio quiz" }))).toBe(
      "Samuel Ortiz nominated Ratio quiz as an exemplar",
    );
  });
});
