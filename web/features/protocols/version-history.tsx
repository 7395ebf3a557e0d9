import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Protocol } from "../../../shared/schemas/protocols.ts";
import { DateTime } from "../../ui/format.tsx";
import { Section } from "../../ui/page.tsx";
import { Badge } from "../../ui/states.tsx";

/** Every saved version, newest first, each one a link to see it exactly as it was. */
export function VersionHistory({ protocol, shown }: { protocol: Protocol; shown: string }) {
  const { t } = useTranslation();
  return (
    <Section title={t("protocols.versions")} id="protocol-versions">
      <p className="muted">{t("protocols.versionsLead")}</p>
      <ol className="protocol-versions" reversed>
        {protocol.versions.map((v) => {
          const isCurrent = v.id === protocol.currentVersionId;
          return (
            <li key={v.id} className="protocol-versions__item">
              <span className="protocol-versions__name">
                {t("protocols.versionEntry", { version: v.version })}
              </span>
              <DateTime iso={v.createdAt} />
              <span className="muted">
                {v.author
                  ? t("protocols.versionBy", { name: v.author.name })
                  : t("protocols.versionByLamplight")}
              </span>
              {isCurrent ? <Badge tone="success">{t("protocols.current")}</Badge> : null}
              {v.id === shown ? null : (
                <Link
                  to="/protocols/$protocolId"
                  params={{ protocolId: protocol.id }}
                  search={isCurrent ? {} : { version: v.id }}
                >
                  {isCurrent
                    ? t("protocols.viewCurrent")
                    : t("protocols.viewVersion", { version: v.version })}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </Section>
  );
}
