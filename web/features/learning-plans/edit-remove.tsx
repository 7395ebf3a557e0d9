import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { ConfirmDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { useToast } from "../../ui/toast.tsx";
import type { LearningPlan } from "./api.ts";
import { usePlanSaved } from "./plan-saved.ts";

/**
 * "Edit" and "Remove" for one learning goal or activity of the plan, the removal confirmed first. Both name
 * what they act on for screen readers ("Edit <title>"), since a plan lists many of them.
 */
export function EditRemove(props: {
  year: string;
  onEdit: () => void;
  remove: () => Promise<LearningPlan>;
  labels: { edit: string; remove: string; confirmTitle: string; confirmBody: string };
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const saved = usePlanSaved(props.year);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: props.remove,
    onSuccess: (plan) => {
      setConfirming(false);
      saved(plan);
      toast.success(t("learningPlan.removed"));
    },
  });
  return (
    <>
      <div className="cluster">
        <Button variant="quiet" onPress={props.onEdit} aria-label={props.labels.edit}>
          {t("learningPlan.edit")}
        </Button>
        <Button variant="quiet" onPress={() => setConfirming(true)} aria-label={props.labels.remove}>
          {t("common.remove")}
        </Button>
      </div>
      <ConfirmDialog
        title={props.labels.confirmTitle}
        isOpen={confirming}
        onOpenChange={setConfirming}
        confirmLabel={t("common.remove")}
        onConfirm={() => remove.mutate()}
        isPending={remove.isPending}
        destructive
        error={remove.isError ? describeError(remove.error, t) : null}
      >
        <p>{props.labels.confirmBody}</p>
      </ConfirmDialog>
    </>
  );
}
