import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LinkButton } from "../../ui/button.tsx";
import { Page } from "../../ui/page.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { useMe } from "../auth/me.ts";
import { NoAccess } from "../shell/error-page.tsx";
import { districtAssessmentsQuery } from "./api.ts";
import { AssessmentTable } from "./list-page.tsx";
import "./assessments.css";

/** The district-wide assessments (benchmarks no one team owns), for administrators. */
export function DistrictAssessmentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = me.can.manageOrganization;
  const query = useQuery({ ...districtAssessmentsQuery, enabled: allowed });
  if (!allowed) return <NoAccess message={t("assessments.district.noAccess")} />;
  return (
    <Page
      title={t("assessments.district.title")}
      lead={<p>{t("assessments.district.lead")}</p>}
      actions={
        <LinkButton to="/assessments/new" variant="primary">
          {t("assessments.district.new")}
        </LinkButton>
      }
    >
      <QueryView query={query} loadingLabel={t("assessments.list.loading")}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t("assessments.district.emptyTitle")}>
              <p>{t("assessments.district.empty")}</p>
            </EmptyState>
          ) : (
            <AssessmentTable items={data.items} caption={t("assessments.district.caption")} />
          )
        }
      </QueryView>
    </Page>
  );
}
