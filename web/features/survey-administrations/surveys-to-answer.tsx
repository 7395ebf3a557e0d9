import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../ui/format.tsx";
import { type MySurvey, mySurveysQuery } from "./api.ts";

const mineKey = {
  not_started: "surveyAdministrations.mineNotStarted",
  draft: "surveyAdministrations.mineDraft",
  submitted: "surveyAdministrations.mineSubmitted",
  unlinked: "surveyAdministrations.mineUnlinked",
} as const;

/** How many open surveys wait for the person's answer (Home says nothing else needs them only when none). */
export function usePendingSurveyCount(): number {
  const query = useQuery(mySurveysQuery);
  return (query.data?.items ?? []).filter((s) => s.status === "open" && s.mine !== "submitted").length;
}

/**
 * The surveys the person is asked to answer. `pending` (Home's "what needs you"): only open ones not yet
 * submitted, and nothing at all when there are none. Otherwise every open and recently closed one.
 */
export function SurveysToAnswer({ pending = false }: { pending?: boolean }) {
  const { t } = useTranslation();
  const query = useQuery(mySurveysQuery);
  const all = query.data?.items ?? [];
  const items = pending ? all.filter((s) => s.status === "open" && s.mine !== "submitted") : all;
  if (!query.data) return null;
  if (items.length === 0)
    return pending ? null : <p className="muted">{t("surveyAdministrations.toAnswerEmpty")}</p>;
  return (
    <div className="surveys-to-answer">
      {pending ? (
        <h3 className="surveys-to-answer__title">{t("surveyAdministrations.toAnswerTitle")}</h3>
      ) : null}
      <ul className="survey-list">
        {items.map((s) => (
          <SurveyToAnswer key={s.id} s={s} />
        ))}
      </ul>
    </div>
  );
}

function SurveyToAnswer({ s }: { s: MySurvey }) {
  const { t } = useTranslation();
  return (
    <li className="survey-list__item">
      <Link to="/survey-responses/$administrationId" params={{ administrationId: s.id }}>
        {s.title}
      </Link>{" "}
      <span className="badge badge--neutral">{t(mineKey[s.mine])}</span>{" "}
      <span className="muted">
        {s.status === "open" ? t("surveyAdministrations.closes") : t("surveyAdministrations.closed")}{" "}
        <DateTime iso={s.closesAt} dateOnly />
      </span>
    </li>
  );
}
