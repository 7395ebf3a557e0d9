import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Section } from "../../ui/page.tsx";

/** The community page's way to its work samples. */
export function CommunityArtifactsSection({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  return (
    <Section title={t("artifacts.sectionTitle")} id="work-samples">
      <p>{t("artifacts.sectionLead")}</p>
      <p className="cluster">
        <Link to="/communities/$communityId/artifacts" params={{ communityId }}>
          {t("artifacts.openList")}
        </Link>
        <Link to="/communities/$communityId/artifacts/new" params={{ communityId }}>
          {t("artifacts.share")}
        </Link>
      </p>
    </Section>
  );
}
