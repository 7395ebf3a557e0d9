import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../ui/page.tsx";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("notFound.title")} lead={<p>{t("notFound.lead")}</p>}>
      <p>
        <Link to="/">{t("common.backHome")}</Link>
      </p>
    </Page>
  );
}
