import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { replyInputSchema } from "../../../shared/schemas/discussions.ts";
import { Button, LinkButton } from "../../ui/button.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Page, Section } from "../../ui/page.tsx";
import { Badge, ErrorState, Loading, Notice } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { discussionKeys, replyTo, setFollowing, setPinned, type Thread, threadQuery } from "./api.ts";
import { MarkdownEditor } from "./markdown-editor.tsx";
import { PostItem } from "./post-item.tsx";
import "./discussions.css";

/** A discussion: its posts oldest first, a reply form, Follow, and Pin for facilitators. */
export function ThreadPage({ threadId }: { threadId: string }) {
  const { t } = useTranslation();
  const query = useQuery(threadQuery(threadId));
  const thread = query.data;
  return (
    <Page
      title={thread?.title ?? t("discussions.loadingTitle")}
      eyebrow={thread ? t("discussions.threadEyebrow", { community: thread.communityName }) : undefined}
      actions={thread ? <ThreadActions thread={thread} /> : null}
    >
      {query.isPending ? (
        <Loading label={t("discussions.threadLoading")} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : thread ? (
        <ThreadView thread={thread} />
      ) : null}
    </Page>
  );
}

function ThreadActions({ thread }: { thread: Thread }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: discussionKeys.thread(thread.id) });
    void queryClient.invalidateQueries({ queryKey: discussionKeys.list(thread.communityId) });
  };
  const follow = useMutation({
    mutationFn: (on: boolean) => setFollowing(thread.id, on),
    onSuccess: ({ following }) => {
      toast.success(following ? t("discussions.followed") : t("discussions.unfollowed"));
      refresh();
    },
    onError: (error) => toast.error(describeError(error, t)),
  });
  const pin = useMutation({
    mutationFn: (on: boolean) => setPinned(thread.id, on),
    onSuccess: (saved) => {
      queryClient.setQueryData(discussionKeys.thread(thread.id), saved);
      toast.success(saved.pinned ? t("discussions.pinnedDone") : t("discussions.unpinnedDone"));
      refresh();
    },
    onError: (error) => toast.error(describeError(error, t)),
  });
  return (
    <>
      <Button onPress={() => follow.mutate(!thread.following)} isPending={follow.isPending}>
        {thread.following ? t("discussions.unfollow") : t("discussions.follow")}
      </Button>
      {thread.can.pin ? (
        <Button onPress={() => pin.mutate(!thread.pinned)} isPending={pin.isPending}>
          {thread.pinned ? t("discussions.unpin") : t("discussions.pin")}
        </Button>
      ) : null}
      <LinkButton
        to="/communities/$communityId/discussions"
        params={{ communityId: thread.communityId }}
        variant="quiet"
      >
        {t("discussions.allDiscussions", { community: thread.communityName })}
      </LinkButton>
    </>
  );
}

function ThreadView({ thread }: { thread: Thread }) {
  const { t } = useTranslation();
  return (
    <>
      {thread.pinned ? (
        <p>
          <Badge tone="info">{t("discussions.pinned")}</Badge>
        </p>
      ) : null}
      <Section title={t("discussions.postsLabel")} id="posts">
        <ol className="post-list" aria-label={t("discussions.postsLabel")}>
          {thread.posts.map((post, i) => (
            <PostItem key={post.id} post={post} number={i + 1} thread={thread} />
          ))}
        </ol>
      </Section>
      {thread.can.reply ? (
        <ReplyForm thread={thread} />
      ) : (
        <Notice tone="warning">
          <p>{thread.archived ? t("discussions.readOnlyArchived") : t("discussions.readOnlyObserver")}</p>
        </Notice>
      )}
    </>
  );
}

function ReplyForm({ thread }: { thread: Thread }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const form = useFormSubmit({
    schema: replyInputSchema,
    send: (data, key) => replyTo(thread.id, data, key),
    onSuccess: () => {
      setBody("");
      toast.success(t("discussions.replied"));
      void queryClient.invalidateQueries({ queryKey: discussionKeys.thread(thread.id) });
      void queryClient.invalidateQueries({ queryKey: discussionKeys.list(thread.communityId) });
    },
  });
  return (
    <Section title={t("discussions.replyTitle")} id="reply">
      <Form id="reply" form={form} onSubmit={() => form.submit({ body })}>
        <MarkdownEditor
          communityId={thread.communityId}
          label={t("discussions.replyLabel")}
          name="body"
          value={body}
          onChange={setBody}
          description={t("discussions.markdownHint")}
        />
        <FormActions>
          <Button type="submit" variant="primary" isPending={form.isPending}>
            {t("discussions.submitReply")}
          </Button>
        </FormActions>
      </Form>
    </Section>
  );
}
