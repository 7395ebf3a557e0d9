import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Protocol } from "../../../shared/schemas/protocols.ts";
import { newIdempotencyKey } from "../../api/client.ts";
import { Button, LinkButton } from "../../ui/button.tsx";
import { ConfirmDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { useToast } from "../../ui/toast.tsx";
import { archiveProtocol, copyProtocol, rememberProtocol, restoreProtocol } from "./api.ts";

/** Copy & adapt, Edit, Archive / Restore — each shown only when the server's `can` allows it. */
export function ProtocolActions({ protocol }: { protocol: Protocol }) {
  const { t } = useTranslation();
  const { can } = protocol;
  return (
    <>
      {can.copy ? <CopyButton protocol={protocol} /> : null}
      {can.edit ? (
        <LinkButton to="/protocols/$protocolId/edit" params={{ protocolId: protocol.id }} variant="secondary">
          {t("protocols.edit")}
        </LinkButton>
      ) : null}
      {can.archive ? <ArchiveButton protocol={protocol} /> : null}
      {can.restore ? <RestoreButton protocol={protocol} /> : null}
    </>
  );
}

function useProtocolMutation(action: () => Promise<Protocol>, success: (p: Protocol) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: (saved) => {
      rememberProtocol(queryClient, saved);
      success(saved);
    },
  });
}

/** Makes the district's own copy and opens it in the editor. */
function CopyButton({ protocol }: { protocol: Protocol }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  // One key per press: a retried request after a dropped connection still makes one copy.
  const key = useRef<string | null>(null);
  const copy = useProtocolMutation(
    () => {
      key.current ??= newIdempotencyKey();
      return copyProtocol(protocol.id, key.current);
    },
    (saved) => {
      key.current = null;
      toast.success(t("protocols.copied"));
      void navigate({ to: "/protocols/$protocolId/edit", params: { protocolId: saved.id } });
    },
  );
  return (
    <Button
      variant="primary"
      isPending={copy.isPending}
      onPress={() => copy.mutate(undefined, { onError: (error) => toast.error(describeError(error, t)) })}
    >
      {t("protocols.copy")}
    </Button>
  );
}

function ArchiveButton({ protocol }: { protocol: Protocol }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const archive = useProtocolMutation(
    () => archiveProtocol(protocol.id),
    () => {
      setOpen(false);
      toast.success(t("protocols.archivedToast", { name: protocol.name }));
    },
  );
  return (
    <>
      <Button variant="secondary" onPress={() => setOpen(true)}>
        {t("protocols.archive")}
      </Button>
      <ConfirmDialog
        title={t("protocols.archiveConfirmTitle", { name: protocol.name })}
        isOpen={open}
        onOpenChange={(v) => {
          setOpen(v);
          if (!v) archive.reset();
        }}
        confirmLabel={t("protocols.archiveConfirm")}
        onConfirm={() => archive.mutate()}
        isPending={archive.isPending}
        error={archive.isError ? describeError(archive.error, t) : null}
      >
        <p>{t("protocols.archiveConfirmBody")}</p>
      </ConfirmDialog>
    </>
  );
}

function RestoreButton({ protocol }: { protocol: Protocol }) {
  const { t } = useTranslation();
  const toast = useToast();
  const restore = useProtocolMutation(
    () => restoreProtocol(protocol.id),
    () => toast.success(t("protocols.restoredToast", { name: protocol.name })),
  );
  return (
    <Button
      variant="secondary"
      isPending={restore.isPending}
      onPress={() => restore.mutate(undefined, { onError: (error) => toast.error(describeError(error, t)) })}
    >
      {t("protocols.restore")}
    </Button>
  );
}
