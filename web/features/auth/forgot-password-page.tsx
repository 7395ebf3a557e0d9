import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { emailSchema } from "../../../shared/schemas/common.ts";
import { Button } from "../../ui/button.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Page } from "../../ui/page.tsx";
import { Notice } from "../../ui/states.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { requestPasswordReset } from "./api.ts";
import "./auth.css";

const schema = z.object({ email: emailSchema });

export function ForgotPasswordPage({ email: initialEmail }: { email: string | undefined }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(initialEmail ?? "");
  const [sentTo, setSentTo] = useState<string | null>(null);

  const form = useFormSubmit({
    schema,
    send: (data) => requestPasswordReset(data.email),
    onSuccess: (_result, data) => setSentTo(data.email),
  });

  return (
    <Page title={t("auth.forgotTitle")} lead={<p>{t("auth.forgotLead")}</p>} width="narrow">
      {sentTo ? (
        <Notice role="status">
          <p>{t("auth.forgotSent", { email: sentTo })}</p>
          <p>{t("auth.forgotSentHint")}</p>
        </Notice>
      ) : (
        <div className="auth-card">
          <Form id="forgot-password" form={form} onSubmit={() => form.submit({ email })}>
            <TextField
              label={t("auth.email")}
              name="email"
              type="email"
              inputMode="email"
              autoComplete="username"
              value={email}
              onChange={setEmail}
            />
            <FormActions>
              <Button type="submit" variant="primary" isPending={form.isPending}>
                {t("auth.sendResetLink")}
              </Button>
            </FormActions>
          </Form>
        </div>
      )}
      <p>
        <Link to="/sign-in">{t("auth.backToSignIn")}</Link>
      </p>
    </Page>
  );
}
