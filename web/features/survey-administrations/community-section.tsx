import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { LinkButton } from "../../ui/button.tsx";
import { DateTime } from "../../ui/format.tsx";
import { Section } from "../../ui/page.tsx";
import { surveyListQuery } from "../surveys/api.ts";
import { communityAdministrationsQuery } from "./api.ts";
import { AdministrationBadges } from "./status.tsx";

/**
 * The community page's Surveys: what was sent to the team, with status and counts; for facilitators,
 * "Check the team's health" opens the send page of the built-in community-health survey for this team.
 */
export function CommunitySurveysSection({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const list = useQuery(communityAdministrationsQuery(communityId));
  const library = useQuery({ ...surveyListQuery(), enabled: Boolean(list.data?.can.send) });
  if (!list.data) return null;
  const health = library.data?.items.find((s) => s.builtinKey === "community-health");
  const items = list.data.items;
  return (
    <Section
      title={t("surveyAdministrations.communityTitle")}
      id="surveys"
      actions={
        list.data.can.send && health ? (
          <LinkButton
            to="/surveys/$surveyId/send"
            params={{ surveyId: health.id }}
            search={{ community: communityId }}
          >
            {t("surveyAdministrations.checkHealth")}
          </LinkButton>
        ) : null
      }
    >
      {items.length === 0 ? (
        <p className="muted">
          {list.data.can.send
            ? t("surveyAdministrations.communityEmptyFacilitator")
            : t("surveyAdministrations.communityEmpty")}
        </p>
      ) : (
        <ul className="survey-list">
          {items.map((a) => (
            <li key={a.id} className="survey-list__item">
              <Link to="/survey-administrations/$administrationId" params={{ administrationId: a.id }}>
                {a.title}
              </Link>{" "}
              <AdministrationBadges a={a} />
              <span className="muted">
                {" "}
                {t("surveyAdministrations.answered", { submitted: a.submitted, recipients: a.recipients })}
                {" · "}
                {a.status === "closed"
                  ? t("surveyAdministrations.closed")
                  : t("surveyAdministrations.closes")}{" "}
                <DateTime iso={a.closesAt} dateOnly />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
