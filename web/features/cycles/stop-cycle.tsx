import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { stopInputSchema } from "../../../shared/schemas/cycles.ts";
import { Button } from "../../ui/button.tsx";
import { ModalDialog } from "../../ui/dialog.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { TextAreaField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { type Cycle, rememberCycle, stopCycle } from "./api.ts";

const schema = stopInputSchema.extend({ version: z.number() });

/** "Stop this cycle": ends it without a decision, with the reason the report keeps. */
export function StopCycleButton({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const form = useFormSubmit({
    schema,
    send: (data) => stopCycle(cycle.id, data),
    onSuccess: (saved) => {
      rememberCycle(queryClient, saved);
      toast.success(t("cycles.page.stopped"));
      setOpen(false);
    },
  });
  return (
    <>
      <Button variant="danger" onPress={() => setOpen(true)}>
        {t("cycles.page.stop")}
      </Button>
      <ModalDialog title={t("cycles.page.stopTitle")} isOpen={open} onOpenChange={setOpen}>
        <Form id="stop-cycle" form={form} onSubmit={() => form.submit({ version: cycle.version, reason })}>
          <TextAreaField
            label={t("cycles.page.stopReason")}
            name="reason"
            description={t("cycles.page.stopReasonHint")}
            value={reason}
            onChange={setReason}
            rows={3}
            isRequired
          />
          <FormActions>
            <Button type="submit" variant="danger" isPending={form.isPending}>
              {t("cycles.page.stopConfirm")}
            </Button>
            <Button variant="quiet" onPress={() => setOpen(false)}>
              {t("common.cancel")}
            </Button>
          </FormActions>
        </Form>
      </ModalDialog>
    </>
  );
}
