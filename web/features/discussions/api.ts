import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type {
  MentionCandidate,
  Post,
  Revision,
  Thread,
  ThreadList,
} from "../../../shared/schemas/discussions.ts";
import { api, request } from "../../api/client.ts";

export type {
  MentionCandidate,
  Post,
  Revision,
  Thread,
  ThreadList,
} from "../../../shared/schemas/discussions.ts";

const enc = encodeURIComponent;

export const discussionKeys = {
  all: ["discussions"] as const,
  list: (communityId: string) => ["discussions", "list", communityId] as const,
  thread: (threadId: string) => ["discussions", "thread", threadId] as const,
  history: (postId: string) => ["discussions", "history", postId] as const,
  mentions: (communityId: string, q: string) => ["discussions", "mentions", communityId, q] as const,
};

export const threadListQuery = (communityId: string) =>
  infiniteQueryOptions({
    queryKey: discussionKeys.list(communityId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<ThreadList>(`/api/v1/communities/${enc(communityId)}/threads`, {
        query: { limit: 25, cursor: pageParam ?? undefined },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });

export const threadQuery = (threadId: string) =>
  queryOptions({
    queryKey: discussionKeys.thread(threadId),
    queryFn: ({ signal }) => api.get<Thread>(`/api/v1/threads/${enc(threadId)}`, { signal }),
  });

export const historyQuery = (postId: string) =>
  queryOptions({
    queryKey: discussionKeys.history(postId),
    queryFn: ({ signal }) =>
      api.get<{ items: Revision[] }>(`/api/v1/posts/${enc(postId)}/revisions`, { signal }),
  });

export const mentionQuery = (communityId: string, q: string) =>
  queryOptions({
    queryKey: discussionKeys.mentions(communityId, q),
    queryFn: ({ signal }) =>
      api.get<{ items: MentionCandidate[] }>(`/api/v1/communities/${enc(communityId)}/mention-candidates`, {
        query: { q },
        signal,
      }),
    staleTime: 30_000,
  });

export const previewMarkdown = (communityId: string, body: string) =>
  api.post<{ html: string }>(`/api/v1/communities/${enc(communityId)}/discussion-preview`, { body });

export const createThread = (
  communityId: string,
  input: { title: string; body: string },
  idempotencyKey: string,
) => api.post<Thread>(`/api/v1/communities/${enc(communityId)}/threads`, input, { idempotencyKey });

export const replyTo = (threadId: string, input: { body: string }, idempotencyKey: string) =>
  api.post<Post>(`/api/v1/threads/${enc(threadId)}/posts`, input, { idempotencyKey });

export const editPost = (postId: string, input: { body: string; version: number }) =>
  api.patch<Post>(`/api/v1/posts/${enc(postId)}`, input);

export const removePost = (postId: string) => api.delete<Post>(`/api/v1/posts/${enc(postId)}`);

export const setPinned = (threadId: string, pinned: boolean) =>
  pinned
    ? request<Thread>(`/api/v1/threads/${enc(threadId)}/pin`, { method: "PUT" })
    : api.delete<Thread>(`/api/v1/threads/${enc(threadId)}/pin`);

export const setFollowing = (threadId: string, following: boolean) =>
  following
    ? request<{ following: boolean }>(`/api/v1/threads/${enc(threadId)}/follow`, { method: "PUT" })
    : api.delete<{ following: boolean }>(`/api/v1/threads/${enc(threadId)}/follow`);
