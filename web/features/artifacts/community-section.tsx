import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Community } from "../../../shared/schemas/communities.ts";
import { Section } from "../../ui/page.tsx";
import { canShareIn } from "./api.ts";

/** The community page's way to its work samples. */
export function CommunityArtifactsSection({ community }: { community: Community }) {
  const communityId = community.id;
  const { t } = useTranslation();
  return (
    <Section title={t("artifacts.sectionTitle")} id="work-samples">
      <p>{t("artifacts.sectionLead")}</p>
      <p className="cluster">
        <Link to="/communities/$communityId/artifacts" params={{ communityId }}>
          {t("artifacts.openList")}
        </Link>
        {canShareIn(community) ? (
          <Link to="/communities/$communityId/artifacts/new" params={{ communityId }}>
            {t("artifacts.share")}
          </Link>
        ) : null}
      </p>
    </Section>
  );
}
