import { useTranslation } from "react-i18next";
import type { ConnectionStatus } from "./live-view.ts";

/** "Live" / "Reconnecting…" as a word with a shape, and what it means when it isn't live. */
export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation();
  return (
    <p className={`connection-badge connection-badge--${status}`} role="status">
      <span className="visually-hidden">{t("live.status.label")}: </span>
      <span className="connection-badge__dot" aria-hidden="true" />
      {t(`live.status.${status}`)}
    </p>
  );
}

export function ConnectionHint({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation();
  if (status === "reconnecting")
    return <p className="connection-hint">{t("live.status.reconnectingHint")}</p>;
  if (status === "offline") return <p className="connection-hint">{t("live.status.offlineHint")}</p>;
  if (status === "closed") return <p className="connection-hint">{t("live.status.closedHint")}</p>;
  return null;
}
