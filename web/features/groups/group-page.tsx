import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.ts";
import { Button, buttonClass } from "../../ui/button.tsx";
import { ConfirmDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Page, Section } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import {
  deleteGroup,
  groupExportUrl,
  groupKeys,
  groupQuery,
  type StudentGroup,
  suggestionsQuery,
  updateGroup,
} from "./api.ts";
import { studentLabel } from "./student-label.ts";
import "./groups.css";

/** /student-groups/$groupId — a saved group: its members (the ones the reader may read), adjust, export. */
export function GroupPage({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const query = useQuery(groupQuery(groupId));
  if (query.isError && isApiError(query.error) && query.error.status === 404)
    return (
      <Page title={t("groups.group.notFoundTitle")}>
        <EmptyState title={t("groups.group.notFoundTitle")}>
          <p>{t("groups.group.notFound")}</p>
        </EmptyState>
      </Page>
    );
  return (
    <QueryView query={query} loadingLabel={t("groups.group.loading")}>
      {(group) => <GroupView group={group} />}
    </QueryView>
  );
}

/** One change at a time, sent with the version read; a 409 says someone else changed it first. */
function useChange(group: StudentGroup) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (patch: Record<string, unknown>) =>
      updateGroup(group.id, { version: group.version, ...patch }),
    onSuccess: (next, patch) => {
      setError(null);
      queryClient.setQueryData(groupKeys.one(group.id), next);
      // The assessment's list shows its title and count.
      void queryClient.invalidateQueries({ queryKey: ["student-groups", "list"] });
      toast.success(t(patch.title ? "groups.group.renamed" : "groups.group.saved"));
    },
    onError: (e) =>
      setError(isApiError(e) && e.status === 409 ? t("groups.group.stale") : describeError(e, t)),
  });
  const reload = () => {
    setError(null);
    void queryClient.invalidateQueries({ queryKey: groupKeys.one(group.id) });
  };
  return { mutation, error, reload };
}

function GroupView({ group: g }: { group: StudentGroup }) {
  const { t } = useTranslation();
  const change = useChange(g);
  return (
    <Page
      title={g.title}
      eyebrow={
        g.assessmentId ? (
          <Link
            to="/assessments/$assessmentId/groups"
            params={{ assessmentId: g.assessmentId }}
            search={{ standard: g.standard }}
          >
            {t("groups.group.back", { title: g.assessmentTitle ?? "" })}
          </Link>
        ) : null
      }
      lead={t("groups.group.lead", {
        purpose: t(`groups.purpose.${g.purpose}`),
        standard: g.standard,
        name: g.createdBy.name,
      })}
      actions={
        <a className={buttonClass("secondary")} href={groupExportUrl(g.id)} download>
          {t("groups.group.download")}
        </a>
      }
    >
      <p className="groups-privacy">{t("groups.group.privacy")}</p>
      {change.error ? (
        <div className="inline-error" role="alert">
          <p>{change.error}</p>
          <Button onPress={change.reload}>{t("groups.group.reload")}</Button>
        </div>
      ) : null}
      <Members group={g} change={change} />
      {g.can.edit ? <AddStudent group={g} change={change} /> : null}
      {g.can.edit ? <Rename group={g} change={change} /> : null}
      {g.can.edit ? <DeleteGroup group={g} /> : null}
    </Page>
  );
}

type Change = ReturnType<typeof useChange>;

function Members({ group: g, change }: { group: StudentGroup; change: Change }) {
  const { t } = useTranslation();
  return (
    <Section title={t("groups.group.members", { count: g.members.length })} id="members">
      {g.members.length === 0 ? (
        <p>{t("groups.group.noMembers")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table group-members">
            <caption>{t("groups.group.membersCaption", { standard: g.standard })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("groups.group.colName")}</th>
                <th scope="col">{t("groups.group.colClass")}</th>
                <th scope="col">{t("groups.group.colPercent", { standard: g.standard })}</th>
                {g.can.edit ? <th scope="col">{t("groups.group.colActions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {g.members.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.name ?? m.pseudonym}</th>
                  <td>{m.classes.join(", ")}</td>
                  <td>
                    {m.percent === null ? t("groups.noScore") : t("groups.percent", { percent: m.percent })}
                  </td>
                  {g.can.edit ? (
                    <td>
                      <Button
                        size="small"
                        variant="quiet"
                        accessibleName={t("groups.group.removeNamed", { name: m.name ?? m.pseudonym })}
                        isPending={change.mutation.isPending}
                        onPress={() => change.mutation.mutate({ remove: [m.id] })}
                      >
                        {t("groups.group.remove")}
                      </Button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

/** Students of the same standard's suggestions (the reader's own) not in the group yet. */
function AddStudent({ group: g, change }: { group: StudentGroup; change: Change }) {
  const { t } = useTranslation();
  const [studentId, setStudentId] = useState("");
  const query = useQuery({
    ...suggestionsQuery(g.assessmentId ?? "", g.standard),
    enabled: Boolean(g.assessmentId),
  });
  const inGroup = new Set(g.members.map((m) => m.id));
  const candidates = [...(query.data?.intervention ?? []), ...(query.data?.extension ?? [])].filter(
    (s) => !inGroup.has(s.id),
  );
  if (!candidates.length) return null;
  return (
    <Section title={t("groups.group.addTitle")} id="add-student">
      <div className="cluster groups-add">
        <SelectField
          label={t("groups.group.addLabel")}
          value={studentId}
          placeholder={t("groups.group.addPlaceholder")}
          options={candidates.map((s) => ({ value: s.id, label: studentLabel(s, t) }))}
          onChange={setStudentId}
        />
        <Button
          isPending={change.mutation.isPending}
          onPress={() => {
            if (!studentId) return;
            change.mutation.mutate({ add: [studentId] }, { onSuccess: () => setStudentId("") });
          }}
        >
          {t("groups.group.add")}
        </Button>
      </div>
    </Section>
  );
}

function Rename({ group: g, change }: { group: StudentGroup; change: Change }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(g.title);
  return (
    <Section title={t("groups.group.renameTitle")} id="rename">
      <div className="cluster groups-add">
        <TextField label={t("groups.name")} value={title} onChange={setTitle} />
        <Button
          isPending={change.mutation.isPending}
          onPress={() => title.trim() && change.mutation.mutate({ title: title.trim() })}
        >
          {t("groups.group.rename")}
        </Button>
      </div>
    </Section>
  );
}

function DeleteGroup({ group: g }: { group: StudentGroup }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: () => deleteGroup(g.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["student-groups"] });
      if (g.assessmentId)
        void navigate({
          to: "/assessments/$assessmentId/groups",
          params: { assessmentId: g.assessmentId },
          search: { standard: g.standard },
        });
      else void navigate({ to: "/" });
    },
  });
  return (
    <Section title={t("groups.group.deleteTitle")} id="delete">
      <Button variant="danger" onPress={() => setOpen(true)}>
        {t("groups.group.delete")}
      </Button>
      <ConfirmDialog
        title={t("groups.group.deleteConfirmTitle", { title: g.title })}
        isOpen={open}
        onOpenChange={setOpen}
        confirmLabel={t("groups.group.deleteConfirm")}
        onConfirm={() => mutation.mutate()}
        isPending={mutation.isPending}
        destructive
        error={mutation.error ? describeError(mutation.error, t) : null}
      >
        <p>{t("groups.group.deleteBody")}</p>
      </ConfirmDialog>
    </Section>
  );
}
