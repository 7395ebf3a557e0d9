import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AgendaItem, Meeting } from "../../../shared/schemas/meetings.ts";
import { Button } from "../../ui/button.tsx";
import { ConfirmDialog, ModalDialog } from "../../ui/dialog.tsx";
import { Section } from "../../ui/page.tsx";
import { Badge, EmptyState, Notice } from "../../ui/states.tsx";
import { OpenActionItems } from "../action-items/index.ts";
import { AgendaItemForm } from "./agenda-item-form.tsx";
import { removeAgendaItem, reorderAgenda } from "./api.ts";
import { useMeetingAction } from "./use-meeting-action.ts";

/** The agenda in order, with the planned total against the meeting's length; facilitators edit it. */
export function AgendaBuilder({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const editable = meeting.can.editAgenda;
  const over = meeting.agendaMinutes - meeting.durationMinutes;
  return (
    <Section
      title={t("agenda.section")}
      id="agenda"
      actions={
        editable ? (
          <Button variant="primary" size="small" onPress={() => setAdding(true)}>
            {t("agenda.add")}
          </Button>
        ) : null
      }
    >
      <p className="agenda__total">
        {t("agenda.total", { total: meeting.agendaMinutes, duration: meeting.durationMinutes })}
      </p>
      {over > 0 ? (
        <Notice tone="warning">
          <p>{t("agenda.over", { over })}</p>
        </Notice>
      ) : null}
      {meeting.agenda.length === 0 ? (
        <EmptyState title={t("agenda.empty")}>
          {editable ? <p>{t("agenda.emptyEditor")}</p> : null}
        </EmptyState>
      ) : (
        <ol className="agenda">
          {meeting.agenda.map((item, index) => (
            <AgendaRow key={item.id} meeting={meeting} item={item} index={index} editable={editable} />
          ))}
        </ol>
      )}
      <ModalDialog title={t("agenda.addTitle")} isOpen={adding} onOpenChange={setAdding} size="wide">
        <AgendaItemForm meeting={meeting} onDone={() => setAdding(false)} />
      </ModalDialog>
    </Section>
  );
}

function AgendaRow({
  meeting,
  item,
  index,
  editable,
}: {
  meeting: Meeting;
  item: AgendaItem;
  index: number;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const ids = meeting.agenda.map((i) => i.id);
  const move = useMeetingAction((to: number) => {
    const next = ids.filter((id) => id !== item.id);
    next.splice(to, 0, item.id);
    return reorderAgenda(meeting.id, next);
  }, null);
  const remove = useMeetingAction(() => removeAgendaItem(meeting.id, item.id), t("agenda.removed"), {
    onSuccess: () => setRemoving(false),
  });
  return (
    <li className="agenda__item">
      <div className="agenda__head">
        <h3 className="agenda__title">{item.title}</h3>
        {item.title !== t(`agendaItemKinds.${item.kind}`) ? (
          <Badge>{t(`agendaItemKinds.${item.kind}`)}</Badge>
        ) : null}
        <span className="agenda__minutes">{t("agenda.itemMinutes", { count: item.minutes })}</span>
      </div>
      <AgendaDetails item={item} />
      {item.kind === "action_review" && meeting.status !== "ended" ? (
        <OpenActionItems communityId={meeting.communityId} />
      ) : null}
      {editable ? (
        <div className="cluster agenda__actions">
          <Button
            size="small"
            isDisabled={index === 0}
            onPress={() => move.mutate(index - 1)}
            accessibleName={t("agenda.moveUpItem", { title: item.title })}
          >
            {t("agenda.moveUp")}
          </Button>
          <Button
            size="small"
            isDisabled={index === ids.length - 1}
            onPress={() => move.mutate(index + 1)}
            accessibleName={t("agenda.moveDownItem", { title: item.title })}
          >
            {t("agenda.moveDown")}
          </Button>
          <Button
            size="small"
            onPress={() => setEditing(true)}
            accessibleName={t("agenda.editItem", { title: item.title })}
          >
            {t("agenda.edit")}
          </Button>
          <Button
            size="small"
            variant="danger"
            onPress={() => setRemoving(true)}
            accessibleName={t("agenda.removeItem", { title: item.title })}
          >
            {t("agenda.remove")}
          </Button>
          <ModalDialog
            title={t("agenda.editTitle", { title: item.title })}
            isOpen={editing}
            onOpenChange={setEditing}
            size="wide"
          >
            <AgendaItemForm meeting={meeting} item={item} onDone={() => setEditing(false)} />
          </ModalDialog>
          <ConfirmDialog
            title={t("agenda.removeTitle", { title: item.title })}
            isOpen={removing}
            onOpenChange={setRemoving}
            confirmLabel={t("agenda.remove")}
            onConfirm={() => remove.mutate()}
            isPending={remove.isPending}
            destructive
          >
            <p>{t("agenda.removeBody")}</p>
          </ConfirmDialog>
        </div>
      ) : null}
    </li>
  );
}

function AgendaDetails({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  return (
    <div className="agenda__details">
      {item.presenter ? <p>{t("agenda.presentedBy", { name: item.presenter.name })}</p> : null}
      {item.focusingQuestion ? <p>{t("agenda.question", { question: item.focusingQuestion })}</p> : null}
      {item.material ? <p className="pre-line">{item.material}</p> : null}
      {item.materialUrl ? (
        <p>
          <a href={item.materialUrl} target="_blank" rel="noopener noreferrer">
            {t("agenda.openMaterial")}
          </a>
        </p>
      ) : null}
      {item.artifact ? (
        <p>
          <Link to="/artifacts/$artifactId" params={{ artifactId: item.artifact.id }}>
            {t("agenda.presentsArtifact", { title: item.artifact.title })}
          </Link>
        </p>
      ) : null}
      {item.details ? <p className="pre-line muted">{item.details}</p> : null}
      {item.protocol ? (
        <details className="agenda__steps">
          <summary>
            {t("agenda.steps")} (
            {t("agenda.versionNote", { name: item.protocol.name, version: item.protocol.version })})
          </summary>
          <ol>
            {item.protocol.definition.steps.map((step, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a protocol version's steps never change order
              <li key={i}>{t("agenda.stepLine", { title: step.title, minutes: step.minutes })}</li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
