import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Section } from "../../ui/page.tsx";
import { AdministrationList } from "./administration-list.tsx";
import { sentAdministrationsQuery } from "./api.ts";

/**
 * The library's "Sent surveys and results": every administration whose results the reader may read — the
 * ones they sent, their teams' and their schools' (all of them for administrators) — newest closing first.
 */
export function SentSurveysSection() {
  const { t } = useTranslation();
  const query = useQuery(sentAdministrationsQuery);
  if (!query.data) return null;
  return (
    <Section title={t("surveyAdministrations.sentTitle")} id="sent-surveys">
      {query.data.items.length === 0 ? (
        <p className="muted">{t("surveyAdministrations.sentEmpty")}</p>
      ) : (
        <AdministrationList items={query.data.items} label={t("surveyAdministrations.sentTitle")} />
      )}
    </Section>
  );
}
