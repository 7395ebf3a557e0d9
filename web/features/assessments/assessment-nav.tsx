import { useTranslation } from "react-i18next";
import { Nav } from "../../ui/nav.tsx";

/**
 * The assessment pages' own navigation: Overview · Analysis · Groups.
 * Only Overview exists yet: the analysis (/assessments/$assessmentId/analysis) and groups
 * (/assessments/$assessmentId/groups) engineers add their links here when their routes exist.
 */
export function AssessmentNav({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  return (
    <Nav
      label={t("assessments.nav.label")}
      items={[
        {
          to: `/assessments/${assessmentId}` as "/assessments/$assessmentId",
          label: t("assessments.nav.overview"),
          exact: true,
        },
        {
          to: `/assessments/${assessmentId}/analysis` as "/assessments/$assessmentId/analysis",
          label: t("analysis.nav"),
        },
        {
          to: `/assessments/${assessmentId}/groups` as "/assessments/$assessmentId/groups",
          label: t("groups.nav"),
        },
        {
          to: `/assessments/${assessmentId}/growth` as "/assessments/$assessmentId/growth",
          label: t("growth.nav"),
        },
      ]}
    />
  );
}
