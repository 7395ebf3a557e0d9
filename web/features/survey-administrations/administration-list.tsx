import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../ui/format.tsx";
import type { AdministrationSummary } from "./api.ts";
import { AdministrationBadges } from "./status.tsx";

/** Sent surveys, each with its status, how many have answered and when it closes(d). */
export function AdministrationList({ items, label }: { items: AdministrationSummary[]; label?: string }) {
  const { t } = useTranslation();
  return (
    <ul className="survey-list" aria-label={label}>
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
            {a.status === "closed" ? t("surveyAdministrations.closed") : t("surveyAdministrations.closes")}{" "}
            <DateTime iso={a.closesAt} dateOnly />
          </span>
        </li>
      ))}
    </ul>
  );
}
