import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LinkButton } from "../../ui/button.tsx";
import { Page, Section } from "../../ui/page.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { MyActionItems } from "../action-items/my-action-items.tsx";
import { useMe } from "../auth/me.ts";
import { CommunityCard } from "../communities/community-card.tsx";
import { HomeUpcomingMeetings } from "../meetings/upcoming-meetings.tsx";
import { SurveysToAnswer, usePendingSurveyCount } from "../survey-administrations/index.ts";
import { homeQuery } from "./api.ts";
import { NeedsMeList } from "./needs-me-list.tsx";
import "./home.css";

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery(homeQuery);
  const pendingSurveys = usePendingSurveyCount();
  const firstName = me.person.name.split(" ")[0] ?? me.person.name;

  return (
    <Page
      title={t("home.title")}
      lead={<p>{t("home.greeting", { name: firstName })}</p>}
      actions={
        me.can.createCommunity ? (
          <LinkButton to="/communities/new" variant="primary">
            {t("communities.createLink")}
          </LinkButton>
        ) : null
      }
    >
      <QueryView query={query} loadingLabel={t("home.loading")}>
        {(home) => (
          <div className="home-layout">
            <Section title={t("home.needsMe")} id="needs-me">
              <SurveysToAnswer pending />
              {home.needsMe.length === 0 ? (
                pendingSurveys > 0 ? null : (
                  <p className="muted">{t("home.nothingNeedsYou")}</p>
                )
              ) : (
                <NeedsMeList items={home.needsMe} />
              )}
            </Section>
            <HomeUpcomingMeetings meetings={home.upcomingMeetings ?? []} />
            <Section title={t("actionItems.mine")} id="my-action-items">
              <MyActionItems />
            </Section>
            <Section title={t("home.myCommunities")} id="my-communities">
              {home.communities.length === 0 ? (
                <EmptyState
                  title={t("home.emptyTitle")}
                  actions={
                    <LinkButton to="/communities" search={{ scope: "discover" }} variant="secondary">
                      {t("home.discoverLink")}
                    </LinkButton>
                  }
                >
                  <p>{me.can.createCommunity ? t("home.emptyBody") : t("home.emptyBodyNoCreate")}</p>
                </EmptyState>
              ) : (
                <ul className="card-grid">
                  {home.communities.map((community) => (
                    <li key={community.id}>
                      <CommunityCard community={community} />
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </div>
        )}
      </QueryView>
    </Page>
  );
}
