import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Section } from "../../ui/page.tsx";
import { surveyListQuery, surveyQuery } from "./api.ts";
import { LearningNeedsSummary } from "./summary.tsx";

/**
 * Beside a team's student data: what the educators said they want to learn in the newest survey (counts
 * only), with links to answer it, to every survey, or — for facilitators — to send the first one.
 */
export function TeamLearningNeeds({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const list = useQuery(surveyListQuery(communityId));
  const newest = list.data?.items[0];
  const survey = useQuery({ ...surveyQuery(newest?.id ?? ""), enabled: Boolean(newest) });
  if (!list.data) return null;
  return (
    <Section title={t("learningNeeds.teamTitle")} id="learning-needs">
      {survey.data ? (
        <>
          <LearningNeedsSummary survey={survey.data} />
          <p>
            <Link to="/learning-need-surveys/$surveyId" params={{ surveyId: survey.data.id }}>
              {survey.data.can.respond
                ? t("learningNeeds.answerLink", { title: survey.data.title })
                : survey.data.title}
            </Link>
          </p>
        </>
      ) : (
        <p>{list.data.can.create ? t("learningNeeds.emptyManager") : t("learningNeeds.emptyMember")}</p>
      )}
      <p>
        <Link to="/communities/$communityId/learning-needs" params={{ communityId }}>
          {list.data.can.create ? t("learningNeeds.allAndSend") : t("learningNeeds.backToList")}
        </Link>
      </p>
    </Section>
  );
}
