import { useTranslation } from "react-i18next";
import { Badge } from "../../ui/states.tsx";
import type { AdministrationSummary } from "./api.ts";

/** "Open" / "Opens soon" / "Closed", and whether it is anonymous. */
export function AdministrationBadges({ a }: { a: Pick<AdministrationSummary, "status" | "anonymous"> }) {
  const { t } = useTranslation();
  const status = {
    upcoming: t("surveyAdministrations.statusUpcoming"),
    open: t("surveyAdministrations.statusOpen"),
    closed: t("surveyAdministrations.statusClosed"),
  }[a.status];
  return (
    <span className="survey-badges">
      <Badge>{status}</Badge>{" "}
      <Badge>
        {a.anonymous ? t("surveyAdministrations.anonymousBadge") : t("surveyAdministrations.namedBadge")}
      </Badge>
    </span>
  );
}
