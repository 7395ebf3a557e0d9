import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Community } from "../../../shared/schemas/communities.ts";
import { LinkButton } from "../../ui/button.tsx";
import { Section } from "../../ui/page.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { goalListQuery } from "./api.ts";
import { GoalList } from "./goals-page.tsx";
import "./goals.css";

/** The community page's goals: each with its status and progress; "New goal" for its managers. */
export function CommunityGoalsSection({ community }: { community: Community }) {
  const { t } = useTranslation();
  const query = useQuery(goalListQuery({ communityId: community.id }));
  const canCreate = community.can.edit;
  const newGoal = canCreate ? (
    <LinkButton
      to="/goals/new"
      search={{ level: "community", communityId: community.id }}
      variant="secondary"
    >
      {t("goals.community.new")}
    </LinkButton>
  ) : null;
  return (
    <Section title={t("goals.community.title")} id="community-goals" actions={newGoal}>
      <p>{t("goals.community.lead")}</p>
      <QueryView query={query}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title={t("goals.community.none")}>
              {canCreate ? <p>{t("goals.community.noneManager")}</p> : null}
            </EmptyState>
          ) : (
            <GoalList goals={items} />
          )
        }
      </QueryView>
    </Section>
  );
}
