import { useQueryErrorResetBoundary } from "@tanstack/react-query";
import { Link, useRouter } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Page } from "../../ui/page.tsx";

/** The error boundary's screen: what happened, try again, or go home. Nothing typed is sent anywhere. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const router = useRouter();
  const queryReset = useQueryErrorResetBoundary();

  useEffect(() => {
    queryReset.reset();
  }, [queryReset]);

  return (
    <Page title={t("errorPage.title")} lead={<p>{describeError(error, t)}</p>}>
      <div className="cluster">
        <Button variant="primary" onPress={() => void router.invalidate()}>
          {t("common.retry")}
        </Button>
        <Link to="/">{t("common.backHome")}</Link>
      </div>
    </Page>
  );
}

/** Shown to someone who reached a screen their role does not include. */
export function NoAccess({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t("noAccess.title")} lead={<p>{message}</p>}>
      <p>
        <Link to="/">{t("common.backHome")}</Link>
      </p>
    </Page>
  );
}
