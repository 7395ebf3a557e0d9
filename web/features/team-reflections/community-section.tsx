import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Section } from "../../ui/page.tsx";
import { reflectionListQuery } from "./api.ts";
import { ReflectionList } from "./list-page.tsx";

/** On the community page: the three newest reflections and the way to all of them (its readers only). */
export function CommunityReflectionsSection({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const list = useQuery(reflectionListQuery(communityId));
  if (!list.data) return null;
  return (
    <Section title={t("teamReflections.sectionTitle")} id="team-reflection">
      {list.data.items.length ? (
        <ReflectionList items={list.data.items.slice(0, 3)} />
      ) : (
        <p className="muted">{t("teamReflections.sectionEmpty")}</p>
      )}
      <p>
        <Link to="/communities/$communityId/reflections" params={{ communityId }}>
          {t("teamReflections.sectionLink")}
        </Link>
      </p>
    </Section>
  );
}
