import { useQueryClient } from "@tanstack/react-query";
import { Link, useRouter } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { emailSchema } from "../../../shared/schemas/common.ts";
import { isApiError } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { type FieldErrors, FORM_LEVEL } from "../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Page } from "../../ui/page.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { safeRedirect, signIn } from "./api.ts";
import { meKey } from "./me.ts";
import "./auth.css";

interface SignInPageProps {
  redirect: string | undefined;
  email: string | undefined;
}

export function SignInPage({ redirect, email: initialEmail }: SignInPageProps) {
  const { t } = useTranslation();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(initialEmail ?? "");
  const [password, setPassword] = useState("");

  const schema = useMemo(
    () =>
      z.object({ email: emailSchema, password: z.string().min(1, { message: t("auth.passwordRequired") }) }),
    [t],
  );

  const mapError = (error: unknown): FieldErrors | undefined => {
    if (!isApiError(error)) return undefined;
    if (error.status === 401 || error.status === 400) return { [FORM_LEVEL]: t("auth.wrongCredentials") };
    if (error.code === "ACCOUNT_DEACTIVATED") return { [FORM_LEVEL]: t("auth.deactivated") };
    if (error.status === 403) return { [FORM_LEVEL]: t("auth.signInRefused") };
    if (error.status === 429) return { [FORM_LEVEL]: t("auth.tooManyAttempts") };
    return undefined;
  };

  const form = useFormSubmit({
    schema,
    send: async (data) => {
      await signIn(data.email, data.password);
      // Whatever was cached belonged to the previous session; "me" is refetched for the header.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
      await queryClient.resetQueries({ queryKey: meKey });
    },
    mapError,
    onSuccess: () => router.history.push(safeRedirect(redirect)),
  });

  return (
    <Page title={t("auth.signInTitle")} lead={<p>{t("auth.signInLead")}</p>} width="narrow">
      <div className="auth-card">
        <Form id="sign-in" form={form} onSubmit={() => form.submit({ email, password })}>
          <TextField
            label={t("auth.email")}
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            value={email}
            onChange={setEmail}
          />
          <TextField
            label={t("auth.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
          />
          <FormActions>
            <Button type="submit" variant="primary" isPending={form.isPending}>
              {t("auth.signIn")}
            </Button>
            <Link to="/forgot-password" search={{ email: email || undefined }}>
              {t("auth.forgotLink")}
            </Link>
          </FormActions>
        </Form>
      </div>
      <p className="muted">{t("auth.noAccount")}</p>
    </Page>
  );
}
