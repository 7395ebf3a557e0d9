import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LinkButton } from "../../ui/button.tsx";
import { Section } from "../../ui/page.tsx";
import { surveyListQuery } from "../surveys/api.ts";
import { AdministrationList } from "./administration-list.tsx";
import { communityAdministrationsQuery } from "./api.ts";

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
        <AdministrationList items={items} />
      )}
    </Section>
  );
}
