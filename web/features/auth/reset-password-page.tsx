import { Link } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { passwordSchema } from "../../../shared/schemas/invitations.ts";
import { isApiError } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { type FieldErrors, FORM_LEVEL } from "../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Page } from "../../ui/page.tsx";
import { Notice } from "../../ui/states.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { resetPassword } from "./api.ts";
import "./auth.css";

interface ResetPasswordPageProps {
  token: string | undefined;
  error: string | undefined;
}

export function ResetPasswordPage({ token, error }: ResetPasswordPageProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [done, setDone] = useState(false);
  const [tokenRejected, setTokenRejected] = useState(false);

  const schema = useMemo(
    () =>
      z
        .object({ newPassword: passwordSchema, confirmPassword: z.string() })
        .refine((v) => v.newPassword === v.confirmPassword, {
          path: ["confirmPassword"],
          message: t("auth.passwordsDiffer"),
        }),
    [t],
  );

  const mapError = (failure: unknown): FieldErrors | undefined => {
    if (isApiError(failure) && failure.status === 400 && /token/i.test(failure.code ?? failure.title)) {
      setTokenRejected(true);
      return { [FORM_LEVEL]: t("auth.resetTokenInvalid") };
    }
    return undefined;
  };

  const form = useFormSubmit({
    schema,
    send: (data) => resetPassword(data.newPassword, token ?? ""),
    mapError,
    onSuccess: () => setDone(true),
  });

  if (!token || error || tokenRejected) {
    return (
      <Page title={t("auth.resetTitle")} width="narrow">
        <Notice tone="warning" role="alert">
          <p>{t("auth.resetTokenInvalid")}</p>
        </Notice>
        <p>
          <Link to="/forgot-password">{t("auth.askAgain")}</Link>
        </p>
      </Page>
    );
  }

  if (done) {
    return (
      <Page title={t("auth.resetTitle")} width="narrow">
        <Notice role="status">
          <p>{t("auth.resetDone")}</p>
        </Notice>
        <p>
          <Link to="/sign-in">{t("auth.signInNow")}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t("auth.resetTitle")} lead={<p>{t("auth.resetLead")}</p>} width="narrow">
      <div className="auth-card">
        <Form
          id="reset-password"
          form={form}
          onSubmit={() => form.submit({ newPassword: password, confirmPassword: confirm })}
        >
          <TextField
            label={t("auth.newPassword")}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            description={t("auth.passwordHint")}
            value={password}
            onChange={setPassword}
          />
          <TextField
            label={t("auth.confirmNewPassword")}
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={setConfirm}
          />
          <FormActions>
            <Button type="submit" variant="primary" isPending={form.isPending}>
              {t("auth.saveNewPassword")}
            </Button>
          </FormActions>
        </Form>
      </div>
    </Page>
  );
}
