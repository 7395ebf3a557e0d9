import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { nominationInputSchema, reviewInputSchema } from "../../../shared/schemas/exemplars.ts";
import { Button } from "../../ui/button.tsx";
import { ModalDialog } from "../../ui/dialog.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { TextAreaField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { exemplarKeys, nominate, reviewExemplar } from "./api.ts";

/** "Nominate as an exemplar" and its dialog asking why the work is exemplary. */
export function NominateButton({ artifactId, title }: { artifactId: string; title: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onPress={() => setOpen(true)}>
        {t("exemplars.panel.nominate")}
      </Button>
      <ModalDialog
        title={
          title ? t("exemplars.panel.nominateTitle", { title }) : t("exemplars.panel.nominateTitleShort")
        }
        isOpen={open}
        onOpenChange={setOpen}
      >
        <NominateForm artifactId={artifactId} onDone={() => setOpen(false)} />
      </ModalDialog>
    </>
  );
}

function NominateForm({ artifactId, onDone }: { artifactId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const form = useFormSubmit({
    schema: nominationInputSchema,
    send: (data, key) => nominate(artifactId, data, key),
    onSuccess: () => {
      toast.success(t("exemplars.panel.nominatedToast"));
      void queryClient.invalidateQueries({ queryKey: exemplarKeys.all });
      onDone();
    },
  });
  return (
    <Form id="nominate-exemplar" form={form} onSubmit={() => form.submit({ note })}>
      <TextAreaField
        label={t("exemplars.panel.noteLabel")}
        name="note"
        description={t("exemplars.panel.noteHint")}
        value={note}
        onChange={setNote}
        rows={4}
      />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("exemplars.panel.sendNomination")}
        </Button>
        <Button variant="quiet" onPress={onDone}>
          {t("common.cancel")}
        </Button>
      </FormActions>
    </Form>
  );
}

/** "Approve exemplar" or "Decline", each with a dialog for an optional note to the nominator. */
export function ReviewButton({ exemplarId, action }: { exemplarId: string; action: "approve" | "decline" }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const label = action === "approve" ? t("exemplars.panel.approve") : t("exemplars.panel.decline");
  return (
    <>
      <Button variant={action === "approve" ? "primary" : "secondary"} onPress={() => setOpen(true)}>
        {label}
      </Button>
      <ModalDialog
        title={action === "approve" ? t("exemplars.panel.approveTitle") : t("exemplars.panel.declineTitle")}
        isOpen={open}
        onOpenChange={setOpen}
      >
        <ReviewForm exemplarId={exemplarId} action={action} label={label} onDone={() => setOpen(false)} />
      </ModalDialog>
    </>
  );
}

function ReviewForm(props: {
  exemplarId: string;
  action: "approve" | "decline";
  label: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const form = useFormSubmit({
    schema: reviewInputSchema,
    send: (data) => reviewExemplar(props.exemplarId, props.action, data.note),
    onSuccess: () => {
      toast.success(
        props.action === "approve" ? t("exemplars.panel.approvedToast") : t("exemplars.panel.declinedToast"),
      );
      void queryClient.invalidateQueries({ queryKey: exemplarKeys.all });
      props.onDone();
    },
  });
  return (
    <Form id={`${props.action}-exemplar`} form={form} onSubmit={() => form.submit({ note })}>
      <TextAreaField
        label={t("exemplars.panel.reviewNoteLabel")}
        name="note"
        description={t("exemplars.panel.reviewNoteHint")}
        value={note}
        onChange={setNote}
        rows={3}
      />
      <FormActions>
        <Button
          type="submit"
          variant={props.action === "approve" ? "primary" : "danger"}
          isPending={form.isPending}
        >
          {props.label}
        </Button>
        <Button variant="quiet" onPress={props.onDone}>
          {t("common.cancel")}
        </Button>
      </FormActions>
    </Form>
  );
}
