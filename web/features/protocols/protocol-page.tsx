import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Protocol } from "../../../shared/schemas/protocols.ts";
import { isApiError } from "../../api/client.ts";
import { Page } from "../../ui/page.tsx";
import { EmptyState, ErrorState, Loading, Notice } from "../../ui/states.tsx";
import { protocolQuery, protocolVersionQuery } from "./api.ts";
import { useProtocolLabels } from "./labels.ts";
import { ProtocolActions } from "./protocol-actions.tsx";
import { ProtocolDefinitionView } from "./protocol-steps.tsx";
import { VersionHistory } from "./version-history.tsx";
import "./protocols.css";

/** One protocol: what it is for, its steps, its history, and what the viewer may do with it. */
export function ProtocolPage({
  protocolId,
  versionId,
}: {
  protocolId: string;
  versionId?: string | undefined;
}) {
  const { t } = useTranslation();
  const query = useQuery(protocolQuery(protocolId));
  if (query.isPending) return <Page title={t("protocols.title")}>{<Loading />}</Page>;
  if (query.isError) {
    const missing = isApiError(query.error) && query.error.status === 404;
    return (
      <Page title={t("protocols.title")}>
        {missing ? (
          <EmptyState title={t("protocols.notFound")}>
            <p>
              <Link to="/protocols">{t("protocols.backToLibrary")}</Link>
            </p>
          </EmptyState>
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Page>
    );
  }
  return <ProtocolOverview protocol={query.data} versionId={versionId} />;
}

function ProtocolOverview({ protocol, versionId }: { protocol: Protocol; versionId?: string | undefined }) {
  const { t } = useTranslation();
  const labels = useProtocolLabels();
  const old = versionId && versionId !== protocol.currentVersionId ? versionId : null;
  const version = useQuery({ ...protocolVersionQuery(protocol.id, old ?? ""), enabled: old !== null });
  const shown = old ?? protocol.currentVersionId;

  return (
    <Page
      title={protocol.name}
      eyebrow={labels.purpose(protocol.purpose)}
      lead={
        <p>
          {labels.minutes(protocol.totalMinutes)} · {labels.groupSize(protocol.groupSize)}
        </p>
      }
      actions={<ProtocolActions protocol={protocol} />}
    >
      <div className="stack">
        {protocol.builtIn ? <p className="muted">{t("protocols.builtInNotice")}</p> : null}
        {protocol.copiedFrom ? (
          <p className="muted">
            {t("protocols.copiedFrom", {
              name: protocol.copiedFrom.name,
              version: protocol.copiedFrom.version,
            })}
          </p>
        ) : null}
        {protocol.archived ? <Notice tone="warning">{t("protocols.archivedNotice")}</Notice> : null}
      </div>
      {old === null ? (
        <ProtocolDefinitionView definition={protocol.definition} />
      ) : version.isPending ? (
        <Loading />
      ) : version.isError ? (
        <ErrorState error={version.error} onRetry={() => void version.refetch()} />
      ) : (
        <>
          <Notice tone="warning" role="status">
            <p>
              {t("protocols.viewingOld", { version: version.data.version, total: protocol.version })}{" "}
              <Link to="/protocols/$protocolId" params={{ protocolId: protocol.id }}>
                {t("protocols.viewCurrent")}
              </Link>
            </p>
          </Notice>
          <ProtocolDefinitionView definition={version.data.definition} />
        </>
      )}
      <VersionHistory protocol={protocol} shown={shown} />
    </Page>
  );
}
