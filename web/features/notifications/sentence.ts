import type { TFunction } from "i18next";
import type { Notification } from "./api.ts";

const feedbackKinds = ["warm", "cool", "like", "wonder", "what_if", "clarifying", "probing"] as const;
type FeedbackKey = (typeof feedbackKinds)[number];
const exemplarEvents = ["nominated", "approved", "declined"] as const;
type ExemplarEvent = (typeof exemplarEvents)[number];

/** One notification as a sentence: "Samuel Ortiz gave warm feedback on Ratio quiz". */
export function sentenceOf(n: Notification, t: TFunction): string {
  const actor = n.actorName ?? t("notifications.anonymous");
  const d = n.data;
  switch (n.kind) {
    case "feedback": {
      if (d.answered) return t("notifications.feedback.answered", { actor, title: d.artifactTitle ?? "" });
      const kind = (feedbackKinds as readonly string[]).includes(d.feedbackKind ?? "")
        ? (d.feedbackKind as FeedbackKey)
        : "warm";
      return t(`notifications.feedback.${kind}`, { actor, title: d.artifactTitle ?? d.title ?? "" });
    }
    case "reply":
      return t("notifications.reply", { actor, thread: d.thread ?? "", community: d.community ?? "" });
    case "mention":
      return t("notifications.mention", { actor, thread: d.thread ?? "", community: d.community ?? "" });
    case "invitation":
      return t("notifications.invitation", { actor, community: d.community ?? "" });
    case "exemplar": {
      const event = (exemplarEvents as readonly string[]).includes(d.event ?? "")
        ? (d.event as ExemplarEvent)
        : "nominated";
      return t(`notifications.exemplar.${event}`, { actor, title: d.title ?? "" });
    }
    case "learning_needs":
      return t("notifications.learningNeeds", { actor, title: d.title ?? "", community: d.community ?? "" });
    case "survey_opened":
      return t("notifications.surveyOpened", { actor, title: d.title ?? "" });
    case "survey_reminder":
      return t("notifications.surveyReminder", { title: d.title ?? "" });
  }
}
