import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { cycleCreateSchema } from "../../../shared/schemas/cycles.ts";
import { Button } from "../../ui/button.tsx";
import { ModalDialog } from "../../ui/dialog.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { TextField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { rememberCycle, startCycle } from "./api.ts";

/**
 * "Start a cycle" (or "Start the next cycle", continuing a finished one) and its dialog asking for a
 * title; the new cycle opens at stage 1.
 */
export function StartCycleButton(props: {
  communityId: string;
  previous?: { id: string; title: string };
  variant?: "primary" | "secondary";
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const label = props.previous ? t("cycles.decide.startNext") : t("cycles.section.start");
  return (
    <>
      <Button variant={props.variant ?? "secondary"} onPress={() => setOpen(true)}>
        {label}
      </Button>
      <ModalDialog
        title={
          props.previous
            ? t("cycles.decide.nextTitle", { title: props.previous.title })
            : t("cycles.section.startTitle")
        }
        isOpen={open}
        onOpenChange={setOpen}
      >
        <StartForm {...props} onDone={() => setOpen(false)} />
      </ModalDialog>
    </>
  );
}

function StartForm(props: { communityId: string; previous?: { id: string }; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const form = useFormSubmit({
    schema: cycleCreateSchema,
    send: (data, key) => startCycle(props.communityId, data, key),
    onSuccess: (cycle) => {
      rememberCycle(queryClient, cycle);
      if (props.previous)
        void queryClient.invalidateQueries({ queryKey: ["cycles", "one", props.previous.id] });
      toast.success(t("cycles.section.started"));
      props.onDone();
      void navigate({ to: "/cycles/$cycleId", params: { cycleId: cycle.id } });
    },
  });
  return (
    <Form
      id="start-cycle"
      form={form}
      onSubmit={() => form.submit({ title, previousCycleId: props.previous?.id ?? null })}
    >
      <TextField
        label={t("cycles.section.titleLabel")}
        name="title"
        description={t("cycles.section.titleHint")}
        value={title}
        onChange={setTitle}
        isRequired
        autoFocus
      />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("cycles.section.create")}
        </Button>
        <Button variant="quiet" onPress={props.onDone}>
          {t("common.cancel")}
        </Button>
      </FormActions>
    </Form>
  );
}
