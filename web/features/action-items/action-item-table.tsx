import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { ModalDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Badge } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { minutesKeys } from "../minutes/api.ts";
import { EditActionItemForm } from "./action-item-form.tsx";
import { type ActionItem, actionItemKeys, updateActionItem } from "./api.ts";
import { DueDate, isOverdue, useToday } from "./due-date.tsx";
import "./action-items.css";

/** After any change, every list an action item appears in is stale. */
export function useRefreshActionItems() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: actionItemKeys.all });
    void queryClient.invalidateQueries({ queryKey: minutesKeys.all });
  };
}

/** Due date with "Overdue" in words (not only colour) when an open item is past it. */
export function DueCell({ item }: { item: ActionItem }) {
  const { t } = useTranslation();
  const today = useToday();
  if (!item.dueOn) return <span className="muted">{t("actionItems.noDue")}</span>;
  return (
    <span className="due">
      <DueDate dueOn={item.dueOn} />
      {isOverdue(item, today) ? <Badge tone="danger">{t("actionItems.overdue")}</Badge> : null}
    </span>
  );
}

/** "Mark done" for an open item, "Reopen" for a closed one (owners and facilitators). */
export function StatusButton({ item }: { item: ActionItem }) {
  const { t } = useTranslation();
  const toast = useToast();
  const refresh = useRefreshActionItems();
  const next = item.status === "open" ? "done" : "open";
  const change = useMutation({
    mutationFn: () => updateActionItem(item.id, { status: next }),
    onSuccess: () => {
      toast.success(
        t(next === "done" ? "actionItems.markedDone" : "actionItems.reopened", { title: item.title }),
      );
      refresh();
    },
    onError: (error) => toast.error(describeError(error, t)),
  });
  if (!item.can.changeStatus) return null;
  return (
    <Button
      size="small"
      variant={next === "done" ? "primary" : "secondary"}
      onPress={() => change.mutate()}
      isPending={change.isPending}
      accessibleName={t(next === "done" ? "actionItems.markDoneLabel" : "actionItems.reopenLabel", {
        title: item.title,
      })}
    >
      {t(next === "done" ? "actionItems.markDone" : "actionItems.reopen")}
    </Button>
  );
}

function EditButton({ item }: { item: ActionItem }) {
  const { t } = useTranslation();
  const toast = useToast();
  const refresh = useRefreshActionItems();
  const [open, setOpen] = useState(false);
  if (!item.can.edit) return null;
  return (
    <>
      <Button
        size="small"
        onPress={() => setOpen(true)}
        accessibleName={t("actionItems.editLabel", { title: item.title })}
      >
        {t("actionItems.edit")}
      </Button>
      <ModalDialog title={t("actionItems.editTitle")} isOpen={open} onOpenChange={setOpen}>
        <EditActionItemForm
          item={item}
          send={(input) => updateActionItem(item.id, input)}
          onSaved={() => {
            toast.success(t("actionItems.saved"));
            refresh();
            setOpen(false);
          }}
          onCancel={() => setOpen(false)}
        />
      </ModalDialog>
    </>
  );
}

/** Action items as a table (stacked rows on phones): what, owner, due, status, and what I may do. */
export function ActionItemTable({ items, caption }: { items: ActionItem[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table table--stack action-item-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("actionItems.what")}</th>
            <th scope="col">{t("actionItems.owner")}</th>
            <th scope="col">{t("actionItems.due")}</th>
            <th scope="col">{t("actionItems.status")}</th>
            <th scope="col" className="no-print">
              {t("actionItems.actions")}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row" data-label={t("actionItems.what")} className="action-item-table__what">
                {item.title}
              </th>
              <td data-label={t("actionItems.owner")}>{item.owner?.name ?? t("actionItems.noOwner")}</td>
              <td data-label={t("actionItems.due")}>
                <DueCell item={item} />
              </td>
              <td data-label={t("actionItems.status")}>
                <Badge tone={item.status === "done" ? "success" : "neutral"}>
                  {t(`actionItemStatuses.${item.status}`)}
                </Badge>
              </td>
              <td className="no-print">
                <div className="cluster">
                  <StatusButton item={item} />
                  <EditButton item={item} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
