import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ActionItemFormInput,
  actionItemInputSchema,
  actionItemUpdateSchema,
} from "../../../shared/schemas/action-items.ts";
import { actionItemStatuses } from "../../../shared/schemas/meeting-enums.ts";
import { Button } from "../../ui/button.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { NativeField } from "../../ui/native-field.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { communityQuery } from "../communities/api.ts";
import type { ActionItem } from "./api.ts";

/** The community's active members, as owner choices. */
function useOwnerOptions(communityId: string) {
  const community = useQuery(communityQuery(communityId));
  return (community.data?.members ?? [])
    .filter((m) => m.status === "active")
    .map((m) => ({ value: m.personId, label: m.name }));
}

interface CreateProps {
  formId: string;
  communityId: string;
  agendaItems?: { id: string; title: string }[];
  send: (input: ActionItemFormInput, key: string) => Promise<ActionItem>;
  onCreated: (item: ActionItem) => void;
}

/** What, who (an active member), by when, and — in a meeting — which agenda item it came from. */
export function AddActionItemForm({ formId, communityId, agendaItems = [], send, onCreated }: CreateProps) {
  const { t } = useTranslation();
  const owners = useOwnerOptions(communityId);
  const [title, setTitle] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [dueOn, setDueOn] = useState("");
  const [agendaItemId, setAgendaItemId] = useState("");
  const form = useFormSubmit({
    schema: actionItemInputSchema,
    send,
    onSuccess: (item) => {
      setTitle("");
      setDueOn("");
      setAgendaItemId("");
      onCreated(item);
    },
  });
  const values = { title, ownerId, dueOn: dueOn || null, agendaItemId: agendaItemId || null };
  return (
    <Form id={formId} form={form} onSubmit={() => form.submit(values)} className="form action-item-form">
      <TextField label={t("actionItems.what")} name="title" value={title} onChange={setTitle} />
      <SelectField
        label={t("actionItems.owner")}
        name="ownerId"
        value={ownerId}
        onChange={setOwnerId}
        placeholder={t("actionItems.ownerPlaceholder")}
        options={owners}
      />
      <NativeField
        type="date"
        label={t("actionItems.due")}
        name="dueOn"
        value={dueOn}
        onChange={setDueOn}
        description={t("actionItems.dueHint")}
      />
      {agendaItems.length > 0 ? (
        <SelectField
          label={t("actionItems.agendaItem")}
          name="agendaItemId"
          value={agendaItemId}
          onChange={setAgendaItemId}
          description={t("actionItems.optional")}
          placeholder={t("actionItems.agendaItemNone")}
          options={agendaItems.map((i) => ({ value: i.id, label: i.title }))}
        />
      ) : null}
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("actionItems.add")}
        </Button>
      </FormActions>
    </Form>
  );
}

interface EditProps {
  item: ActionItem;
  send: (input: Record<string, unknown>) => Promise<ActionItem>;
  onSaved: () => void;
  onCancel: () => void;
}

/** Everything about an action item, for facilitators (in a dialog). */
export function EditActionItemForm({ item, send, onSaved, onCancel }: EditProps) {
  const { t } = useTranslation();
  const owners = useOwnerOptions(item.communityId);
  const [title, setTitle] = useState(item.title);
  const [ownerId, setOwnerId] = useState(item.owner?.id ?? "");
  const [dueOn, setDueOn] = useState(item.dueOn ?? "");
  const [status, setStatus] = useState<string>(item.status);
  const form = useFormSubmit({
    schema: actionItemUpdateSchema,
    send: (data) => send(data),
    onSuccess: onSaved,
  });
  const submit = () => form.submit({ title, ...(ownerId ? { ownerId } : {}), dueOn: dueOn || null, status });
  return (
    <Form id={`edit-action-item-${item.id}`} form={form} onSubmit={submit}>
      <TextField label={t("actionItems.what")} name="title" value={title} onChange={setTitle} />
      <SelectField
        label={t("actionItems.owner")}
        name="ownerId"
        value={ownerId}
        onChange={setOwnerId}
        placeholder={t("actionItems.ownerPlaceholder")}
        options={owners}
      />
      <NativeField type="date" label={t("actionItems.due")} name="dueOn" value={dueOn} onChange={setDueOn} />
      <SelectField
        label={t("actionItems.status")}
        name="status"
        value={status}
        onChange={setStatus}
        options={actionItemStatuses.map((s) => ({ value: s, label: t(`actionItemStatuses.${s}`) }))}
      />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("actionItems.save")}
        </Button>
        <Button variant="quiet" onPress={onCancel}>
          {t("common.cancel")}
        </Button>
      </FormActions>
    </Form>
  );
}
