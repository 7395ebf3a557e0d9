import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { journalEntryInputSchema } from "../../../shared/schemas/journals.ts";
import { Button } from "../../ui/button.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Page } from "../../ui/page.tsx";
import { useToast } from "../../ui/toast.tsx";
import { meetingQuery } from "../meetings/api.ts";
import { createEntry, journalKeys } from "./api.ts";
import { draftInput, type EntryDraft, EntryFields } from "./entry-fields.tsx";
import "./journals.css";

/** /journal/new?prompt=&meeting= — a new entry, from a prompt or about a meeting when the link says so. */
export function NewEntryPage({
  prompt,
  meetingId,
}: {
  prompt?: string | undefined;
  meetingId?: string | undefined;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<EntryDraft>({
    prompt: prompt ?? (meetingId ? "after-meeting" : ""),
    title: "",
    body: "",
    writtenOn: "",
  });
  const [about, setAbout] = useState(meetingId ?? null);
  const meeting = useQuery({ ...meetingQuery(about ?? ""), enabled: Boolean(about), retry: false });
  const form = useFormSubmit({
    schema: journalEntryInputSchema,
    send: (input, key) => createEntry(input, key),
    onSuccess: (entry) => {
      void queryClient.invalidateQueries({ queryKey: journalKeys.all });
      toast.success(t("journal.saved"));
      void navigate({ to: "/journal/$entryId", params: { entryId: entry.id } });
    },
  });
  return (
    <Page
      title={t("journal.newTitle")}
      lead={t("journal.newLead")}
      eyebrow={<Link to="/journal">{t("journal.back")}</Link>}
      width="narrow"
    >
      <Form
        id="new-entry"
        form={form}
        onSubmit={() => form.submit({ ...draftInput(draft), meetingId: about })}
        className="form"
      >
        {about && meeting.data ? (
          <p className="journal-share">
            <span>{t("journal.aboutMeeting", { title: meeting.data.title })}</span>
            <Button variant="quiet" onPress={() => setAbout(null)}>
              {t("journal.aboutMeetingRemove")}
            </Button>
          </p>
        ) : null}
        <EntryFields draft={draft} onChange={setDraft} />
        <FormActions>
          <Button type="submit" variant="primary" isPending={form.isPending}>
            {t("journal.save")}
          </Button>
        </FormActions>
      </Form>
    </Page>
  );
}
