import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { newIdempotencyKey } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { ConfirmDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { useFormat } from "../../ui/format.tsx";
import { Badge, ErrorState, Loading, Notice } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import {
  type ArtifactExemplar,
  artifactExemplarQuery,
  copyExemplar,
  exemplarKeys,
  withdrawExemplar,
} from "./api.ts";
import { AppLink, artifactPath } from "./app-link.tsx";
import { NominateButton, ReviewButton } from "./exemplar-dialogs.tsx";
import "./exemplars.css";

/** The artifact's exemplar status: nominate, review, copy to my work; mounted on the artifact page. */
export function ExemplarPanel({ artifactId }: { artifactId: string }) {
  const { t } = useTranslation();
  const query = useQuery(artifactExemplarQuery(artifactId));
  return (
    <section className="exemplar-panel" aria-labelledby={`exemplar-${artifactId}`}>
      <h2 id={`exemplar-${artifactId}`}>{t("exemplars.panel.title")}</h2>
      {query.isPending ? (
        <Loading lines={1} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <PanelBody state={query.data} />
      )}
    </section>
  );
}

function PanelBody({ state }: { state: ArtifactExemplar }) {
  const { t } = useTranslation();
  const format = useFormat();
  const e = state.exemplar;
  return (
    <div className="stack">
      {!e ? (
        <>
          <p className="muted">{t("exemplars.panel.none")}</p>
          {state.lastDeclined?.reviewedBy ? (
            <p>
              {t("exemplars.panel.declined", {
                name: state.lastDeclined.reviewedBy.name,
                note: state.lastDeclined.reviewNote || t("exemplars.panel.noNote"),
              })}
            </p>
          ) : null}
        </>
      ) : e.status === "approved" ? (
        <>
          <p>
            <Badge tone="success">{t("exemplars.title")}</Badge>{" "}
            {e.reviewedBy && e.reviewedAt
              ? t("exemplars.curatedBy", { name: e.reviewedBy.name, date: format.date(e.reviewedAt) })
              : null}
          </p>
          <Why note={e.note} nominator={e.nominatedBy.name} />
          {e.reviewNote ? <p>{t("exemplars.panel.reviewNote", { note: e.reviewNote })}</p> : null}
        </>
      ) : (
        <>
          <p>{t("exemplars.panel.nominated", { name: e.nominatedBy.name })}</p>
          <Why note={e.note} nominator={e.nominatedBy.name} />
        </>
      )}
      <div className="cluster">
        {state.can.nominate ? (
          <NominateButton artifactId={state.artifactId} title={state.artifactTitle} />
        ) : null}
        {e && state.can.review ? (
          <>
            <ReviewButton exemplarId={e.id} action="approve" />
            <ReviewButton exemplarId={e.id} action="decline" />
          </>
        ) : null}
        {e && state.can.copy ? <CopyButton exemplarId={e.id} /> : null}
        {e && state.can.withdraw ? (
          <WithdrawButton exemplarId={e.id} approved={e.status === "approved"} />
        ) : null}
      </div>
    </div>
  );
}

function Why({ note, nominator }: { note: string; nominator: string }) {
  const { t } = useTranslation();
  return (
    <figure className="exemplar-why">
      <figcaption className="exemplar-why__label">{t("exemplars.why")}</figcaption>
      <blockquote>{note}</blockquote>
      <p className="muted">{t("exemplars.nominatedBy", { name: nominator })}</p>
    </figure>
  );
}

/** "Copy to my work": one copy per press (the key survives a retry), then a link to it. */
function CopyButton({ exemplarId }: { exemplarId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const key = useRef<string | null>(null);
  const copy = useMutation({
    mutationFn: () => {
      key.current ??= newIdempotencyKey();
      return copyExemplar(exemplarId, key.current);
    },
    onSuccess: () => {
      key.current = null;
      toast.success(t("exemplars.panel.copied"));
    },
    onError: (error) => toast.error(describeError(error, t)),
  });
  return (
    <div className="stack">
      <div>
        <Button variant="primary" onPress={() => copy.mutate()} isPending={copy.isPending}>
          {t("exemplars.panel.copy")}
        </Button>
        <p className="muted">{t("exemplars.panel.copyHint")}</p>
      </div>
      {copy.data ? (
        <Notice role="status">
          <p>{copy.data.attribution}</p>
          <AppLink href={artifactPath(copy.data.artifactId)}>{t("exemplars.panel.openCopy")}</AppLink>
        </Notice>
      ) : null}
    </div>
  );
}

function WithdrawButton({ exemplarId, approved }: { exemplarId: string; approved: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => withdrawExemplar(exemplarId),
    onSuccess: () => {
      setOpen(false);
      toast.success(t("exemplars.panel.withdrawnToast"));
      void queryClient.invalidateQueries({ queryKey: exemplarKeys.all });
    },
  });
  return (
    <>
      <Button variant="quiet" onPress={() => setOpen(true)}>
        {approved ? t("exemplars.panel.withdrawApproved") : t("exemplars.panel.withdraw")}
      </Button>
      <ConfirmDialog
        title={t("exemplars.panel.withdrawTitle")}
        isOpen={open}
        onOpenChange={setOpen}
        confirmLabel={t("exemplars.panel.withdrawConfirm")}
        onConfirm={() => withdraw.mutate()}
        isPending={withdraw.isPending}
        destructive
        error={withdraw.isError ? describeError(withdraw.error, t) : null}
      >
        <p>{t("exemplars.panel.withdrawBody")}</p>
      </ConfirmDialog>
    </>
  );
}
