import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Badge, Card } from "../../ui/states.tsx";
import type { ArtifactSummary } from "./api.ts";

/** One work sample in a list: its title (the link), kind, focusing question, owner and thumbnail. */
export function ArtifactCard({
  artifact,
  showCommunity = false,
}: {
  artifact: ArtifactSummary;
  showCommunity?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card className="artifact-card">
      <div>
        <h2 className="artifact-card__title">
          <Link to="/artifacts/$artifactId" params={{ artifactId: artifact.id }}>
            {artifact.title}
          </Link>
        </h2>
        <p className="artifact-muted">
          {t(`artifactKinds.${artifact.kind}`)} ·{" "}
          {t("artifacts.byOn", { name: artifact.owner.name, version: artifact.currentVersion })} ·{" "}
          {t("artifacts.files", { count: artifact.fileCount })}
          {showCommunity ? ` · ${artifact.communityName ?? t("artifacts.ownCopy")}` : ""}
        </p>
        {artifact.focusingQuestion ? <p>{artifact.focusingQuestion}</p> : null}
        <div className="cluster">
          {artifact.containsStudentWork ? <Badge tone="info">{t("artifacts.studentWork")}</Badge> : null}
          {artifact.archived ? <Badge tone="warning">{t("artifacts.archived")}</Badge> : null}
        </div>
      </div>
      {artifact.thumbnailUrl ? (
        <img
          className="artifact-card__thumb"
          src={artifact.thumbnailUrl}
          alt={t("artifacts.thumbnailAlt", { title: artifact.title })}
        />
      ) : null}
    </Card>
  );
}
