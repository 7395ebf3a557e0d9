import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { ProtocolSummary } from "../../../shared/schemas/protocols.ts";
import { Badge, Card } from "../../ui/states.tsx";
import { useProtocolLabels } from "./labels.ts";

/** One protocol in the library: name (a link), purpose, minutes, group size, whose it is. */
export function ProtocolCard({ protocol }: { protocol: ProtocolSummary }) {
  const { t } = useTranslation();
  const labels = useProtocolLabels();
  return (
    <Card className="protocol-card">
      <h3>
        <Link to="/protocols/$protocolId" params={{ protocolId: protocol.id }}>
          {protocol.name}
        </Link>
      </h3>
      <p className="protocol-card__purpose">{labels.purpose(protocol.purpose)}</p>
      <ul className="protocol-card__facts" aria-label={t("protocols.cardMeta", { name: protocol.name })}>
        <li>{labels.minutes(protocol.totalMinutes)}</li>
        <li>{labels.groupSize(protocol.groupSize)}</li>
      </ul>
      {protocol.summary ? <p>{protocol.summary}</p> : null}
      <div className="protocol-card__badges">
        {protocol.builtIn ? (
          <Badge tone="info">{t("protocols.builtIn")}</Badge>
        ) : (
          <span className="muted">{t("protocols.ownedBy", { owner: protocol.owner.name })}</span>
        )}
        {protocol.archived ? <Badge tone="warning">{t("protocols.archived")}</Badge> : null}
        {protocol.version > 1 ? (
          <span className="muted">{t("protocols.version", { version: protocol.version })}</span>
        ) : null}
      </div>
    </Card>
  );
}
