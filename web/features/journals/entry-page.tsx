import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { journalEntryUpdateSchema } from "../../../shared/schemas/journals.ts";
import { isApiError } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { ConfirmDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Page } from "../../ui/page.tsx";
import { QueryView } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { AddToPlan } from "./add-to-plan.tsx";
import { deleteEntry, entryQuery, formatDay, type JournalEntry, journalKeys, updateEntry } from "./api.ts";
import { EntryBody } from "./entry-body.tsx";
import { draftInput, EntryFields } from "./entry-fields.tsx";
import { ShareControls } from "./share-controls.tsx";
import "./journals.css";

/** /journal/$entryId — one entry: read it; its author edits, shares, adds it to the plan or deletes it. */
export function EntryPage({ entryId }: { entryId: string }) {
  const { t } = useTranslation();
  const query = useQuery(entryQuery(entryId));
  return (
    <QueryView query={query} loadingLabel={t("journal.entryLoading")}>
      {(entry) => <EntryView entry={entry} />}
    </QueryView>
  );
}

function EntryView({ entry }: { entry: JournalEntry }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const day = formatDay(entry.writtenOn, i18n.language);
  const mine = entry.can.edit;
  return (
    <Page
      title={entry.title || t("journal.untitled", { date: day })}
      eyebrow={mine ? <Link to="/journal">{t("journal.back")}</Link> : null}
      lead={
        <p className="journal-entry__meta">
          {mine
            ? t("journal.writtenOn", { date: day })
            : t("journal.by", { name: entry.author.name, date: day })}
          {entry.prompt ? (
            <>
              <br />
              {t("journal.answers", {
                prompt: t(`journal.prompt.${entry.prompt}` as "journal.prompt.struggle"),
              })}
            </>
          ) : null}
          {entry.meeting ? (
            <>
              <br />
              {t("journal.about")}:{" "}
              <Link to="/meetings/$meetingId/minutes" params={{ meetingId: entry.meeting.id }}>
                {entry.meeting.title}
              </Link>
            </>
          ) : null}
          {entry.cycle ? (
            <>
              <br />
              {t("journal.aboutCycle")}:{" "}
              <Link to="/cycles/$cycleId" params={{ cycleId: entry.cycle.id }}>
                {entry.cycle.title}
              </Link>
            </>
          ) : null}
        </p>
      }
      actions={
        mine && !editing ? (
          <Button variant="secondary" onPress={() => setEditing(true)}>
            {t("journal.edit")}
          </Button>
        ) : null
      }
      width="narrow"
    >
      {editing ? (
        <EditEntry entry={entry} onDone={() => setEditing(false)} />
      ) : (
        <EntryBody html={entry.bodyHtml} />
      )}
      {mine ? (
        <>
          <ShareControls entry={entry} />
          <AddToPlan entry={entry} />
          <DeleteEntry entry={entry} />
        </>
      ) : null}
    </Page>
  );
}

function EditEntry({ entry, onDone }: { entry: JournalEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({
    prompt: entry.prompt ?? "",
    title: entry.title,
    body: entry.body,
    writtenOn: entry.writtenOn,
  });
  const [stale, setStale] = useState(false);
  const form = useFormSubmit({
    schema: journalEntryUpdateSchema,
    send: (input) => updateEntry(entry.id, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(journalKeys.one(entry.id), saved);
      void queryClient.invalidateQueries({ queryKey: journalKeys.mine });
      onDone();
    },
    mapError: (error) => {
      if (isApiError(error) && error.status === 409) setStale(true);
      return undefined;
    },
  });
  const input = draftInput(draft);
  return (
    <Form
      id="edit-entry"
      form={form}
      onSubmit={() =>
        form.submit({ ...input, writtenOn: input.writtenOn ?? undefined, version: entry.version })
      }
    >
      <EntryFields draft={draft} onChange={setDraft} />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("journal.saveChanges")}
        </Button>
        <Button variant="secondary" onPress={onDone}>
          {t("journal.cancelEdit")}
        </Button>
        {stale ? (
          <Button
            variant="quiet"
            onPress={() =>
              void queryClient.invalidateQueries({ queryKey: journalKeys.one(entry.id) }).then(onDone)
            }
          >
            {t("journal.reload")}
          </Button>
        ) : null}
      </FormActions>
    </Form>
  );
}

function DeleteEntry({ entry }: { entry: JournalEntry }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteEntry(entry.id),
    onSuccess: () => {
      setOpen(false);
      queryClient.removeQueries({ queryKey: journalKeys.one(entry.id) });
      void queryClient.invalidateQueries({ queryKey: journalKeys.mine });
      toast.success(t("journal.deletedToast"));
      void navigate({ to: "/journal" });
    },
  });
  return (
    <div className="section">
      <Button variant="danger" onPress={() => setOpen(true)}>
        {t("journal.delete")}
      </Button>
      <ConfirmDialog
        title={t("journal.deleteTitle")}
        isOpen={open}
        onOpenChange={setOpen}
        confirmLabel={t("journal.deleteConfirm")}
        onConfirm={() => remove.mutate()}
        isPending={remove.isPending}
        destructive
        error={remove.isError ? describeError(remove.error, t) : null}
      >
        <p>{t("journal.deleteBody")}</p>
      </ConfirmDialog>
    </div>
  );
}
