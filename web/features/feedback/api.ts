import { queryOptions } from "@tanstack/react-query";
import type {
  ArtifactChoices,
  FeedbackFormInput,
  FeedbackItem,
  FeedbackList,
} from "../../../shared/schemas/feedback.ts";
import { api, request } from "../../api/client.ts";

export type { FeedbackItem, FeedbackList, MeetingFeedback } from "../../../shared/schemas/feedback.ts";

const enc = encodeURIComponent;

export const feedbackKeys = {
  all: ["feedback"] as const,
  artifact: (artifactId: string) => ["feedback", "artifact", artifactId] as const,
  choices: (communityId: string) => ["feedback", "artifact-choices", communityId] as const,
};

export const feedbackQuery = (artifactId: string) =>
  queryOptions({
    queryKey: feedbackKeys.artifact(artifactId),
    queryFn: ({ signal }) =>
      api.get<FeedbackList>(`/api/v1/artifacts/${enc(artifactId)}/feedback`, { signal }),
  });

export const artifactChoicesQuery = (communityId: string) =>
  queryOptions({
    queryKey: feedbackKeys.choices(communityId),
    queryFn: ({ signal }) =>
      api.get<ArtifactChoices>(`/api/v1/communities/${enc(communityId)}/artifact-choices`, { signal }),
  });

export const giveFeedback = (artifactId: string, input: FeedbackFormInput, idempotencyKey: string) =>
  api.post<FeedbackItem>(`/api/v1/artifacts/${enc(artifactId)}/feedback`, input, { idempotencyKey });

export const answerFeedback = (feedbackId: string, answer: string) =>
  request<FeedbackItem>(`/api/v1/feedback/${enc(feedbackId)}/answer`, { method: "PUT", body: { answer } });

export const withdrawFeedback = (feedbackId: string) => api.delete(`/api/v1/feedback/${enc(feedbackId)}`);
