import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { ConfirmDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { DateTime, useFormat } from "../../ui/format.tsx";
import { Page } from "../../ui/page.tsx";
import { EmptyState, Notice, QueryView } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { deleteReflection, reflectionKeys, reflectionQuery, type TeamReflection } from "./api.ts";
import { PromptFields, SubjectAside } from "./prompt-fields.tsx";
import { StandardFields } from "./standard-fields.tsx";
import { useReflectionForm } from "./use-reflection-form.ts";
import "./team-reflections.css";

/** /team-reflections/$reflectionId — the team writes its reflection together; a stale save says who saved. */
export function ReflectionEditorPage({ reflectionId }: { reflectionId: string }) {
  const { t } = useTranslation();
  const query = useQuery(reflectionQuery(reflectionId));
  if (query.isError && isApiError(query.error) && query.error.status === 404)
    return (
      <Page title={t("teamReflections.notFoundTitle")}>
        <EmptyState title={t("teamReflections.notFoundTitle")}>
          <p>{t("teamReflections.notFound")}</p>
        </EmptyState>
      </Page>
    );
  return (
    <QueryView query={query} loadingLabel={t("teamReflections.loadingOne")}>
      {(r) => <ReflectionView reflection={r} />}
    </QueryView>
  );
}

function ReflectionView({ reflection: r }: { reflection: TeamReflection }) {
  const { t } = useTranslation();
  return (
    <Page
      title={r.title}
      eyebrow={
        <Link to="/communities/$communityId/reflections" params={{ communityId: r.communityId }}>
          {t("teamReflections.backToList")}
        </Link>
      }
      lead={
        <>
          {t("teamReflections.meta", { kind: t(`teamReflections.kinds.${r.kind}`), name: r.createdBy.name })}
          {" · "}
          {t("teamReflections.lastEdited", { name: r.lastEditedBy.name })} <DateTime iso={r.updatedAt} />
        </>
      }
      actions={r.can.delete ? <DeleteReflection reflection={r} /> : null}
    >
      {r.can.edit ? null : <p className="muted">{t("teamReflections.readOnly")}</p>}
      <div className={r.kind === "standard" ? undefined : "team-reflection-layout"}>
        <ReflectionForm reflection={r} />
        {r.kind === "standard" ? null : <SubjectAside reflection={r} />}
      </div>
    </Page>
  );
}

function ReflectionForm({ reflection: r }: { reflection: TeamReflection }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { form, content, setContent, conflict, reload, submit } = useReflectionForm(r);
  const readOnly = !r.can.edit;
  const fields =
    r.kind === "standard" ? (
      <StandardFields content={content} onChange={setContent} readOnly={readOnly} />
    ) : (
      <PromptFields reflection={r} content={content} onChange={setContent} readOnly={readOnly} />
    );
  if (readOnly) return <div>{fields}</div>;
  return (
    <Form id="team-reflection" form={form} onSubmit={submit} className="form">
      {conflict ? (
        <Notice tone="warning" role="alert">
          <p>
            {conflict === "unknown"
              ? t("teamReflections.conflictUnknown")
              : t("teamReflections.conflict", {
                  name: conflict.lastEditedBy.name,
                  when: format.dateTime(conflict.updatedAt),
                })}
          </p>
          <Button onPress={reload}>{t("teamReflections.reload")}</Button>
        </Notice>
      ) : null}
      {fields}
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("teamReflections.save")}
        </Button>
      </FormActions>
    </Form>
  );
}

function DeleteReflection({ reflection: r }: { reflection: TeamReflection }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteReflection(r.id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: reflectionKeys.one(r.id) });
      void queryClient.invalidateQueries({ queryKey: reflectionKeys.list(r.communityId) });
      toast.success(t("teamReflections.deleted"));
      void navigate({ to: "/communities/$communityId/reflections", params: { communityId: r.communityId } });
    },
  });
  return (
    <>
      <Button variant="quiet" onPress={() => setOpen(true)}>
        {t("teamReflections.delete")}
      </Button>
      <ConfirmDialog
        title={t("teamReflections.deleteConfirmTitle")}
        isOpen={open}
        onOpenChange={setOpen}
        confirmLabel={t("teamReflections.delete")}
        onConfirm={() => remove.mutate()}
        isPending={remove.isPending}
        destructive
        error={remove.isError ? describeError(remove.error, t) : null}
      >
        <p>{t("teamReflections.deleteConfirm", { title: r.title })}</p>
      </ConfirmDialog>
    </>
  );
}
