import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { threadInputSchema } from "../../../shared/schemas/discussions.ts";
import { Button, LinkButton } from "../../ui/button.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { DateTime } from "../../ui/format.tsx";
import { Page, Section } from "../../ui/page.tsx";
import { Badge, EmptyState, ErrorState, Loading, Notice } from "../../ui/states.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { createThread, discussionKeys, type ThreadList, threadListQuery } from "./api.ts";
import { MarkdownEditor } from "./markdown-editor.tsx";
import "./discussions.css";

type Summary = ThreadList["items"][number];

/** One thread in a list: its title (a link), pinned and following in words, replies, last activity. */
export function ThreadEntry({ thread }: { thread: Summary }) {
  const { t } = useTranslation();
  return (
    <li className="card thread-entry">
      <h2 className="thread-entry__title">
        <Link to="/threads/$threadId" params={{ threadId: thread.id }}>
          {thread.title}
        </Link>
      </h2>
      <p className="cluster thread-entry__badges">
        {thread.pinned ? <Badge tone="info">{t("discussions.pinned")}</Badge> : null}
        {thread.following ? <Badge>{t("discussions.following")}</Badge> : null}
      </p>
      <p className="muted">
        {t("discussions.startedBy", { name: thread.author.name })} ·{" "}
        {t("discussions.replies", { count: thread.replyCount })} · {t("discussions.lastActivity")}{" "}
        <DateTime iso={thread.lastPostAt} />
      </p>
    </li>
  );
}

function StartThreadForm({ communityId, onCancel }: { communityId: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const form = useFormSubmit({
    schema: threadInputSchema,
    send: (data, key) => createThread(communityId, data, key),
    onSuccess: (thread) => {
      void queryClient.invalidateQueries({ queryKey: discussionKeys.list(communityId) });
      queryClient.setQueryData(discussionKeys.thread(thread.id), thread);
      void navigate({ to: "/threads/$threadId", params: { threadId: thread.id } });
    },
  });
  return (
    <Section title={t("discussions.startTitle")} id="start">
      <Form id="start-thread" form={form} onSubmit={() => form.submit({ title, body })}>
        <TextField
          label={t("discussions.titleLabel")}
          name="title"
          value={title}
          onChange={setTitle}
          description={t("discussions.titleHint")}
          autoFocus
        />
        <MarkdownEditor
          communityId={communityId}
          label={t("discussions.bodyLabel")}
          name="body"
          value={body}
          onChange={setBody}
          description={t("discussions.markdownHint")}
        />
        <FormActions>
          <Button type="submit" variant="primary" isPending={form.isPending}>
            {t("discussions.submitThread")}
          </Button>
          <Button variant="secondary" onPress={onCancel}>
            {t("discussions.cancel")}
          </Button>
        </FormActions>
      </Form>
    </Section>
  );
}

/** A community's discussions, pinned first, then by latest activity; members start new ones here. */
export function ThreadsPage({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const query = useInfiniteQuery(threadListQuery(communityId));
  const [starting, setStarting] = useState(false);
  const first = query.data?.pages[0];
  const threads = query.data?.pages.flatMap((page) => page.items) ?? [];
  const canCreate = first?.can.create ?? false;
  return (
    <Page
      title={
        first ? t("discussions.title", { community: first.community.name }) : t("discussions.loadingTitle")
      }
      lead={<p>{t("discussions.lead")}</p>}
      actions={
        <>
          {canCreate && !starting ? (
            <Button variant="primary" onPress={() => setStarting(true)}>
              {t("discussions.start")}
            </Button>
          ) : null}
          <LinkButton to="/communities/$communityId" params={{ communityId }} variant="quiet">
            {t("discussions.backToCommunity", { community: first?.community.name ?? "" })}
          </LinkButton>
        </>
      }
    >
      {first && !canCreate ? (
        <Notice tone="warning">
          <p>
            {first.community.archived ? t("discussions.readOnlyArchived") : t("discussions.readOnlyObserver")}
          </p>
        </Notice>
      ) : null}
      {starting ? <StartThreadForm communityId={communityId} onCancel={() => setStarting(false)} /> : null}
      {query.isPending ? (
        <Loading label={t("discussions.loading")} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : threads.length === 0 ? (
        <EmptyState title={t("discussions.empty")}>
          <p>{canCreate ? t("discussions.emptyBody") : t("discussions.emptyReadOnly")}</p>
        </EmptyState>
      ) : (
        <>
          <ul className="thread-list" aria-label={t("discussions.listLabel")}>
            {threads.map((thread) => (
              <ThreadEntry key={thread.id} thread={thread} />
            ))}
          </ul>
          {query.hasNextPage ? (
            <div className="cluster">
              <Button onPress={() => void query.fetchNextPage()} isPending={query.isFetchingNextPage}>
                {t("discussions.loadMore")}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Page>
  );
}
