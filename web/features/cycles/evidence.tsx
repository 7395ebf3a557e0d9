import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { evidenceInputSchema } from "../../../shared/schemas/cycles.ts";
import { Button } from "../../ui/button.tsx";
import { RadioGroupField } from "../../ui/choice-fields.tsx";
import { ModalDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { DateTime } from "../../ui/format.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { communityArtifactsQuery } from "../artifacts/api.ts";
import {
  addEvidence,
  type Cycle,
  type Evidence,
  evidenceMeetingsQuery,
  rememberCycle,
  removeEvidence,
} from "./api.ts";

/** A stage's evidence: links to work samples, meetings, goals and pages; "Add evidence" for contributors. */
export function EvidenceList({ cycle, stage, canAdd }: { cycle: Cycle; stage: number; canAdd: boolean }) {
  const { t } = useTranslation();
  const items = cycle.stages[stage - 1]?.evidence ?? [];
  return (
    <section aria-labelledby={`evidence-${stage}-heading`} className="cycle-evidence">
      <h3 id={`evidence-${stage}-heading`}>{t("cycles.evidence.title")}</h3>
      {items.length === 0 ? (
        <p className="muted">{t("cycles.evidence.empty")}</p>
      ) : (
        <ul>
          {items.map((e) => (
            <EvidenceItem key={e.id} cycle={cycle} evidence={e} />
          ))}
        </ul>
      )}
      {canAdd ? <AddEvidenceButton cycle={cycle} stage={stage} /> : null}
    </section>
  );
}

function EvidenceTarget({ e }: { e: Evidence }) {
  const { t } = useTranslation();
  const kind = t(`cycles.evidence.kinds.${e.kind}`);
  if (e.kind === "artifact" && e.targetId)
    return (
      <Link to="/artifacts/$artifactId" params={{ artifactId: e.targetId }}>
        {e.title}
      </Link>
    );
  if (e.kind === "meeting" && e.targetId)
    return (
      <Link to="/meetings/$meetingId" params={{ meetingId: e.targetId }}>
        {e.title}
      </Link>
    );
  const href = e.kind === "goal" ? `/goals/${encodeURIComponent(e.targetId ?? "")}` : e.url;
  return (
    <>
      <a href={href} rel={e.kind === "url" ? "noopener noreferrer" : undefined}>
        {e.title}
      </a>
      {e.kind === "goal" ? <span className="visually-hidden"> ({kind})</span> : null}
    </>
  );
}

function EvidenceItem({ cycle, evidence }: { cycle: Cycle; evidence: Evidence }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => removeEvidence(cycle.id, evidence.id),
    onSuccess: (saved) => {
      rememberCycle(queryClient, saved);
      toast.success(t("cycles.evidence.removed"));
    },
    onError: (error) => toast.error(describeError(error, t)),
  });
  return (
    <li>
      <span className="cycle-evidence__kind">{t(`cycles.evidence.kinds.${evidence.kind}`)}:</span>{" "}
      <EvidenceTarget e={evidence} />
      {evidence.note ? <span className="pre-line"> — {evidence.note}</span> : null}{" "}
      <span className="muted">
        ({t("cycles.evidence.addedBy", { name: evidence.addedBy })},{" "}
        <DateTime iso={evidence.createdAt} dateOnly />)
      </span>{" "}
      {evidence.canRemove && cycle.can.contribute ? (
        <Button variant="quiet" onPress={() => remove.mutate()} isPending={remove.isPending}>
          {t("cycles.evidence.remove", { title: evidence.title })}
        </Button>
      ) : null}
    </li>
  );
}

function AddEvidenceButton({ cycle, stage }: { cycle: Cycle; stage: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onPress={() => setOpen(true)}>
        {t("cycles.evidence.add")}
      </Button>
      <ModalDialog title={t("cycles.evidence.addTitle", { stage })} isOpen={open} onOpenChange={setOpen}>
        <AddEvidenceForm cycle={cycle} stage={stage} onDone={() => setOpen(false)} />
      </ModalDialog>
    </>
  );
}

type Kind = "artifact" | "meeting" | "url";

function AddEvidenceForm({ cycle, stage, onDone }: { cycle: Cycle; stage: number; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>("artifact");
  const [artifactId, setArtifactId] = useState("");
  const [meetingId, setMeetingId] = useState("");
  const [url, setUrl] = useState("https://");
  const [title, setTitle] = useState("");
  const [note, setNote] = useState("");
  const artifacts = useInfiniteQuery(communityArtifactsQuery(cycle.communityId, "", false));
  const meetings = useQuery(evidenceMeetingsQuery(cycle.communityId));
  const form = useFormSubmit({
    schema: evidenceInputSchema,
    send: (data, key) => addEvidence(cycle.id, data, key),
    onSuccess: (saved) => {
      rememberCycle(queryClient, saved);
      toast.success(t("cycles.evidence.added"));
      onDone();
    },
  });
  const values =
    kind === "artifact"
      ? { kind, stage, note, artifactId }
      : kind === "meeting"
        ? { kind, stage, note, meetingId }
        : { kind, stage, note, url, title };
  const artifactOptions = (artifacts.data?.pages ?? [])
    .flatMap((p) => p.items)
    .map((a) => ({ value: a.id, label: a.title }));
  const meetingOptions = (meetings.data ?? []).map((m) => ({ value: m.id, label: m.title }));
  return (
    <Form id={`add-evidence-${stage}`} form={form} onSubmit={() => form.submit(values)}>
      <RadioGroupField
        label={t("cycles.evidence.kind")}
        name="kind"
        value={kind}
        onChange={(v) => setKind(v as Kind)}
        options={(["artifact", "meeting", "url"] as const).map((k) => ({
          value: k,
          label: t(`cycles.evidence.kinds.${k}`),
        }))}
      />
      {kind === "artifact" ? (
        <SelectField
          label={t("cycles.evidence.artifact")}
          name="artifactId"
          value={artifactId}
          onChange={setArtifactId}
          placeholder={t("cycles.evidence.choose")}
          options={artifactOptions}
          description={
            artifacts.isSuccess && artifactOptions.length === 0 ? t("cycles.evidence.noArtifacts") : undefined
          }
        />
      ) : kind === "meeting" ? (
        <SelectField
          label={t("cycles.evidence.meeting")}
          name="meetingId"
          value={meetingId}
          onChange={setMeetingId}
          placeholder={t("cycles.evidence.choose")}
          options={meetingOptions}
          description={
            meetings.isSuccess && meetingOptions.length === 0 ? t("cycles.evidence.noMeetings") : undefined
          }
        />
      ) : (
        <>
          <TextField
            label={t("cycles.evidence.url")}
            name="url"
            type="url"
            description={t("cycles.evidence.urlHint")}
            value={url}
            onChange={setUrl}
          />
          <TextField label={t("cycles.evidence.linkTitle")} name="title" value={title} onChange={setTitle} />
        </>
      )}
      <TextField
        label={t("cycles.evidence.note")}
        name="note"
        description={t("cycles.evidence.noteHint")}
        value={note}
        onChange={setNote}
      />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("cycles.evidence.save")}
        </Button>
        <Button variant="quiet" onPress={onDone}>
          {t("common.cancel")}
        </Button>
      </FormActions>
    </Form>
  );
}
