import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Community } from "../../../shared/schemas/communities.ts";
import { Section } from "../../ui/page.tsx";
import { useMe } from "../auth/me.ts";
import { communityAssessmentsQuery } from "./api.ts";

/**
 * The community page's "Student data" section: a link to the team's assessments. Shown only to those the
 * server lets read them (members, observers, leaders, administrators); partners never ask.
 */
export function CommunityStudentDataSection({ community }: { community: Community }) {
  const { t } = useTranslation();
  const me = useMe();
  const partner = me.person.orgRole === "partner" || community.myRole === "partner";
  const query = useQuery({ ...communityAssessmentsQuery(community.id), enabled: !partner });
  if (partner || !query.data) return null;
  const count = query.data.items.length;
  return (
    <Section title={t("assessments.section.title")} id="student-data">
      <p className="muted">{t("assessments.section.lead")}</p>
      <p>
        <Link to="/communities/$communityId/assessments" params={{ communityId: community.id }}>
          {t("assessments.section.link")}
        </Link>{" "}
        <span className="muted">{t("assessments.section.count", { count })}</span>
      </p>
      <p>
        <Link to="/communities/$communityId/learning-needs" params={{ communityId: community.id }}>
          {t("learningNeeds.sectionLink")}
        </Link>
      </p>
    </Section>
  );
}
