import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { postEditSchema } from "../../../shared/schemas/discussions.ts";
import { isApiError } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { ConfirmDialog, ModalDialog } from "../../ui/dialog.tsx";
import { describeError, FORM_LEVEL } from "../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { DateTime } from "../../ui/format.tsx";
import { Loading } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { discussionKeys, editPost, historyQuery, type Post, removePost, type Thread } from "./api.ts";
import { MarkdownEditor } from "./markdown-editor.tsx";
import { PostBody } from "./post-body.tsx";

type Props = { post: Post; number: number; thread: Thread };

/** One post: who and when, its words (or that it was removed), and the author's edit and remove. */
export function PostItem({ post, number, thread }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [history, setHistory] = useState(false);
  return (
    <li className="post" id={`post-${post.id}`}>
      <article aria-label={t("discussions.postHeading", { number, name: post.author.name })}>
        <header className="post__head">
          <h3 className="post__author">{post.author.name}</h3>
          <p className="muted post__meta">
            <DateTime iso={post.createdAt} />
            {post.edited ? <span className="post__edited"> · {t("discussions.edited")}</span> : null}
          </p>
        </header>
        {post.deleted || post.html === null ? (
          <p className="muted post__removed">{t("discussions.removed")}</p>
        ) : editing ? (
          <EditPostForm post={post} thread={thread} onDone={() => setEditing(false)} />
        ) : (
          <PostBody html={post.html} />
        )}
        {!editing && (post.can.edit || post.can.history || post.can.delete) ? (
          <div className="cluster post__actions">
            {post.can.history ? (
              <RowButton
                onPress={() => setHistory(true)}
                short={t("discussions.history")}
                full={t("discussions.historyFull", { number })}
              />
            ) : null}
            {post.can.edit ? (
              <RowButton
                onPress={() => setEditing(true)}
                short={t("discussions.edit")}
                full={t("discussions.editFull", { number })}
              />
            ) : null}
            {post.can.delete ? (
              <RowButton
                onPress={() => setRemoving(true)}
                short={t("discussions.remove")}
                full={t("discussions.removeFull", { number })}
              />
            ) : null}
          </div>
        ) : null}
      </article>
      {history ? <HistoryDialog post={post} number={number} onClose={() => setHistory(false)} /> : null}
      <RemoveDialog post={post} thread={thread} isOpen={removing} onOpenChange={setRemoving} />
    </li>
  );
}

/** A small button whose accessible name says which post it acts on. */
function RowButton({ onPress, short, full }: { onPress: () => void; short: string; full: string }) {
  return (
    <Button variant="quiet" onPress={onPress}>
      <span aria-hidden="true">{short}</span>
      <span className="visually-hidden">{full}</span>
    </Button>
  );
}

function EditPostForm({ post, thread, onDone }: { post: Post; thread: Thread; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [body, setBody] = useState(post.body ?? "");
  const [stale, setStale] = useState(false);
  const form = useFormSubmit({
    schema: postEditSchema,
    send: (data) => editPost(post.id, data),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: discussionKeys.thread(thread.id) });
      void queryClient.invalidateQueries({ queryKey: discussionKeys.history(post.id) });
      toast.success(t("discussions.saved"));
      onDone();
    },
    mapError: (error) => {
      if (!isApiError(error) || error.status !== 409) return undefined;
      setStale(true);
      return { [FORM_LEVEL]: t("discussions.staleEdit"), body: t("discussions.staleEdit") };
    },
  });
  return (
    <Form
      id={`edit-post-${post.id}`}
      form={form}
      onSubmit={() => form.submit({ body, version: post.version })}
    >
      <MarkdownEditor
        communityId={thread.communityId}
        label={t("discussions.editLabel")}
        name="body"
        value={body}
        onChange={setBody}
        description={t("discussions.markdownHint")}
      />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("discussions.save")}
        </Button>
        {stale ? (
          <Button
            onPress={() => void queryClient.invalidateQueries({ queryKey: discussionKeys.thread(thread.id) })}
          >
            {t("discussions.reload")}
          </Button>
        ) : null}
        <Button variant="secondary" onPress={onDone}>
          {t("discussions.cancel")}
        </Button>
      </FormActions>
    </Form>
  );
}

function RemoveDialog(props: {
  post: Post;
  thread: Thread;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => removePost(props.post.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: discussionKeys.thread(props.thread.id) });
      void queryClient.invalidateQueries({ queryKey: discussionKeys.list(props.thread.communityId) });
      toast.success(t("discussions.removedDone"));
      props.onOpenChange(false);
    },
  });
  return (
    <ConfirmDialog
      title={t("discussions.removeTitle")}
      isOpen={props.isOpen}
      onOpenChange={props.onOpenChange}
      confirmLabel={t("discussions.removeConfirm")}
      onConfirm={() => mutation.mutate()}
      isPending={mutation.isPending}
      destructive
      error={mutation.error ? describeError(mutation.error, t) : null}
    >
      <p>{t("discussions.removeBody")}</p>
    </ConfirmDialog>
  );
}

function HistoryDialog({ post, number, onClose }: { post: Post; number: number; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useQuery(historyQuery(post.id));
  return (
    <ModalDialog
      title={t("discussions.historyTitle", { number })}
      isOpen
      onOpenChange={(open) => (open ? null : onClose())}
      isDismissable
      size="wide"
    >
      <p className="muted">{t("discussions.historyCurrent")}</p>
      {query.isPending ? (
        <Loading label={t("discussions.historyLoading")} />
      ) : query.data && query.data.items.length > 0 ? (
        <ol className="revision-list">
          {query.data.items.map((revision) => (
            <li key={revision.id} className="card">
              <p className="muted">
                {t("discussions.historyReplaced")} <DateTime iso={revision.replacedAt} />
              </p>
              <PostBody html={revision.html} />
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("discussions.historyEmpty")}</p>
      )}
    </ModalDialog>
  );
}
