import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { LinkButton } from "../../../ui/button.tsx";
import { Page } from "../../../ui/page.tsx";
import { ErrorState, Loading } from "../../../ui/states.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { NoAccess } from "../../shell/error-page.tsx";
import {
  createProtocol,
  protocolListQuery,
  protocolQuery,
  rememberProtocol,
  updateProtocol,
} from "../api.ts";
import { ProtocolForm } from "./protocol-form.tsx";
import { blankValues, fromDefinition } from "./values.ts";
import "../protocols.css";

/** Write a new protocol for the district. */
export function NewProtocolPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  // The library's answer says whether the caller may write protocols.
  const library = useQuery(protocolListQuery({}));
  const initial = useMemo(() => blankValues(t("protocolEditor.newStepTitle")), [t]);
  if (library.data && !library.data.can.create) return <NoAccess message={t("protocolEditor.noCreate")} />;
  return (
    <Page title={t("protocolEditor.createTitle")}>
      {library.isPending ? (
        <Loading />
      ) : library.isError ? (
        <ErrorState error={library.error} onRetry={() => void library.refetch()} />
      ) : (
        <ProtocolForm
          id="create-protocol"
          initial={initial}
          submitLabel={t("protocolEditor.create")}
          send={createProtocol}
          onSaved={(protocol) => {
            rememberProtocol(queryClient, protocol);
            toast.success(t("protocolEditor.createdToast", { name: protocol.name }));
            void navigate({ to: "/protocols/$protocolId", params: { protocolId: protocol.id } });
          }}
          cancel={
            <LinkButton variant="quiet" to="/protocols">
              {t("protocolEditor.cancel")}
            </LinkButton>
          }
        />
      )}
    </Page>
  );
}

/** Edit a district protocol: saving adds a version, earlier ones stay for the meetings that used them. */
export function EditProtocolPage({ protocolId }: { protocolId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  // Not refetched behind the editor's back: a newer version arriving must not wipe what is being typed.
  const query = useQuery({
    ...protocolQuery(protocolId),
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const protocol = query.data;
  const initial = useMemo(() => (protocol ? fromDefinition(protocol.definition) : null), [protocol]);

  if (protocol && !protocol.can.edit) return <NoAccess message={t("protocolEditor.noAccess")} />;
  return (
    <Page
      title={protocol ? t("protocolEditor.editTitle", { name: protocol.name }) : t("protocols.title")}
      lead={protocol ? <p>{t("protocolEditor.editLead", { version: protocol.version + 1 })}</p> : null}
    >
      {protocol && initial ? (
        <ProtocolForm
          key={protocol.version}
          id="edit-protocol"
          initial={initial}
          submitLabel={t("protocolEditor.save")}
          send={(input) => updateProtocol(protocolId, { ...input, baseVersion: protocol.version })}
          onSaved={(saved) => {
            rememberProtocol(queryClient, saved);
            toast.success(t("protocolEditor.saved", { version: saved.version }));
            void navigate({ to: "/protocols/$protocolId", params: { protocolId } });
          }}
          onConflict={() => void query.refetch()}
          cancel={
            <LinkButton variant="quiet" to="/protocols/$protocolId" params={{ protocolId }}>
              {t("protocolEditor.cancel")}
            </LinkButton>
          }
        />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
