import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { FeedbackKind } from "../../../shared/schemas/feedback.ts";
import { Section } from "../../ui/page.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { type FeedbackItem, type FeedbackList, feedbackQuery } from "./api.ts";
import { FeedbackEntry } from "./feedback-item.tsx";
import { GiveFeedbackForm } from "./give-feedback-form.tsx";
import { MeetingFeedbackList } from "./meeting-feedback.tsx";
import "./feedback.css";

/** The practitioners' three families of feedback, each shown as one group. */
const groups: { key: "warmCool" | "likeWonder" | "questions"; kinds: FeedbackKind[] }[] = [
  { key: "warmCool", kinds: ["warm", "cool"] },
  { key: "likeWonder", kinds: ["like", "wonder", "what_if"] },
  { key: "questions", kinds: ["clarifying", "probing"] },
];

/** Feedback on one artifact (list, form, the presenter's answers); mounted on the artifact page. */
export function ArtifactFeedback({ artifactId }: { artifactId: string }) {
  const { t } = useTranslation();
  const query = useQuery(feedbackQuery(artifactId));
  return (
    <Section title={t("feedback.title")} id="feedback">
      <QueryView query={query} loadingLabel={t("feedback.loading")}>
        {(list) => (
          <div className="stack">
            {list.items.length === 0 && list.meetings.length === 0 ? (
              <EmptyState title={t("feedback.empty.title")}>
                <p>{t(`feedback.empty.${emptyKey(list)}`)}</p>
              </EmptyState>
            ) : (
              <>
                {groups.map((group) => (
                  <FeedbackGroup
                    key={group.key}
                    artifactId={artifactId}
                    title={t(`feedback.groups.${group.key}`)}
                    items={list.items.filter((i) => group.kinds.includes(i.kind))}
                  />
                ))}
                <MeetingFeedbackList meetings={list.meetings} />
              </>
            )}
            {list.can.give ? <GiveFeedbackForm artifactId={artifactId} list={list} /> : null}
          </div>
        )}
      </QueryView>
    </Section>
  );
}

/** What to do next, for whoever is looking: give the first feedback, await it, or just know. */
function emptyKey(list: FeedbackList) {
  if (list.can.give) return "canGive" as const;
  if (list.can.answer) return "owner" as const;
  return "reader" as const;
}

function FeedbackGroup(props: { artifactId: string; title: string; items: FeedbackItem[] }) {
  const { t } = useTranslation();
  return (
    <div className="feedback-group">
      <h3 className="feedback-group__title">{props.title}</h3>
      {props.items.length === 0 ? (
        <p className="muted">{t("feedback.emptyGroup")}</p>
      ) : (
        <ul className="feedback-list">
          {props.items.map((item) => (
            <FeedbackEntry key={item.id} artifactId={props.artifactId} item={item} />
          ))}
        </ul>
      )}
    </div>
  );
}
