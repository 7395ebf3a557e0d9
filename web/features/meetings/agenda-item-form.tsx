import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AgendaItemKind, agendaItemKinds } from "../../../shared/schemas/meeting-enums.ts";
import {
  type AgendaItem,
  agendaItemInputSchema,
  agendaItemUpdateSchema,
  type Meeting,
} from "../../../shared/schemas/meetings.ts";
import { Button } from "../../ui/button.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { NativeField } from "../../ui/native-field.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { TextAreaField, TextField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { ArtifactPicker } from "../feedback/index.ts";
import { ProtocolPicker } from "../protocols/index.ts";
import { addAgendaItem, rememberMeeting, updateAgendaItem } from "./api.ts";

interface Values {
  kind: AgendaItemKind;
  title: string;
  minutes: string;
  protocolId: string | null;
  presenterId: string;
  focusingQuestion: string;
  material: string;
  materialUrl: string;
  artifactId: string;
  details: string;
}

function fromItem(item: AgendaItem | undefined): Values {
  return {
    kind: item?.kind ?? "protocol",
    title: item?.title ?? "",
    minutes: item ? String(item.minutes) : "",
    protocolId: item?.protocol?.id ?? null,
    presenterId: item?.presenter?.id ?? "",
    focusingQuestion: item?.focusingQuestion ?? "",
    material: item?.material ?? "",
    materialUrl: item?.materialUrl ?? "",
    artifactId: item?.artifact?.id ?? "",
    details: item?.details ?? "",
  };
}

/** The values as the API takes them: blanks left out so the server's defaults apply. */
function toInput(v: Values) {
  return {
    title: v.title,
    ...(v.minutes !== "" ? { minutes: Number(v.minutes) } : {}),
    ...(v.kind === "protocol" ? { protocolId: v.protocolId, artifactId: v.artifactId || null } : {}),
    presenterId: v.presenterId || null,
    focusingQuestion: v.focusingQuestion,
    material: v.material,
    materialUrl: v.materialUrl,
    details: v.details,
  };
}

/** Adds an agenda item (any kind), or edits one; a protocol run picks from the library. */
export function AgendaItemForm({
  meeting,
  item,
  onDone,
}: {
  meeting: Meeting;
  item?: AgendaItem;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => fromItem(item));
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const editing = item !== undefined;
  const form = useFormSubmit({
    schema: editing ? agendaItemUpdateSchema : agendaItemInputSchema,
    send: (input, key) =>
      editing
        ? updateAgendaItem(meeting.id, item.id, input)
        : addAgendaItem(meeting.id, input as Parameters<typeof addAgendaItem>[1], key),
    onSuccess: (saved: Meeting) => {
      rememberMeeting(queryClient, saved);
      toast.success(editing ? t("agenda.itemSaved") : t("agenda.added"));
      onDone();
    },
  });
  const submit = () => form.submit(editing ? toInput(values) : { kind: values.kind, ...toInput(values) });
  const isProtocol = values.kind === "protocol";
  return (
    <Form
      id={editing ? "edit-agenda-item" : "add-agenda-item"}
      form={form}
      onSubmit={submit}
      className="form"
    >
      {editing ? null : (
        <SelectField
          label={t("agenda.kind")}
          name="kind"
          value={values.kind}
          onChange={(kind) => set("kind")(kind as AgendaItemKind)}
          options={agendaItemKinds.map((k) => ({ value: k, label: t(`agendaItemKinds.${k}`) }))}
        />
      )}
      {isProtocol ? (
        <ProtocolPicker
          label={t("agenda.protocol")}
          name="protocolId"
          value={values.protocolId}
          onChange={(picked) =>
            setValues((v) => ({
              ...v,
              protocolId: picked?.id ?? null,
              // The protocol's own length, unless the facilitator already chose one.
              minutes: v.minutes === "" || !editing ? String(picked?.totalMinutes ?? "") : v.minutes,
            }))
          }
        />
      ) : null}
      <TextField
        label={t("agenda.itemTitle")}
        name="title"
        value={values.title}
        onChange={set("title")}
        description={isProtocol ? t("agenda.itemTitleHint") : undefined}
      />
      <NativeField
        label={t("agenda.minutes")}
        name="minutes"
        type="number"
        min={1}
        max={720}
        value={values.minutes}
        onChange={set("minutes")}
        description={isProtocol ? t("agenda.minutesHint") : undefined}
      />
      <SelectField
        label={t("agenda.presenter")}
        name="presenterId"
        value={values.presenterId}
        onChange={set("presenterId")}
        placeholder={t("agenda.noPresenter")}
        options={meeting.members.map((m) => ({ value: m.id, label: m.name }))}
        description={t("agenda.presenterHint")}
      />
      <TextAreaField
        label={t("agenda.focusingQuestion")}
        name="focusingQuestion"
        value={values.focusingQuestion}
        onChange={set("focusingQuestion")}
        description={t("agenda.focusingQuestionHint")}
        rows={2}
      />
      <TextAreaField
        label={t("agenda.material")}
        name="material"
        value={values.material}
        onChange={set("material")}
        description={t("agenda.materialHint")}
        rows={2}
      />
      <TextField
        label={t("agenda.materialUrl")}
        name="materialUrl"
        type="url"
        value={values.materialUrl}
        onChange={set("materialUrl")}
        description={t("agenda.materialUrlHint")}
      />
      {isProtocol ? (
        <ArtifactPicker
          communityId={meeting.communityId}
          name="artifactId"
          value={values.artifactId}
          onChange={set("artifactId")}
          current={item?.artifact ?? null}
        />
      ) : null}
      <TextAreaField
        label={t("agenda.details")}
        name="details"
        value={values.details}
        onChange={set("details")}
        description={t("agenda.detailsHint")}
        rows={2}
      />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {editing ? t("agenda.save") : t("agenda.addSubmit")}
        </Button>
        <Button variant="quiet" onPress={onDone}>
          {t("common.cancel")}
        </Button>
      </FormActions>
    </Form>
  );
}
