import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requiredText } from "../../../shared/schemas/common.ts";
import { type InvitationPreview, passwordSchema } from "../../../shared/schemas/invitations.ts";
import type { Me } from "../../../shared/schemas/people.ts";
import { isApiError } from "../../api/client.ts";
import { useLabels } from "../../i18n/labels.ts";
import { Button, LinkButton } from "../../ui/button.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { DateTime } from "../../ui/format.tsx";
import { Page } from "../../ui/page.tsx";
import { ErrorState, Loading, Notice } from "../../ui/states.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { meKey, useMeQuery } from "../auth/me.ts";
import { type AcceptResult, acceptInvitation, invitationQuery } from "./api.ts";
import "./invitations.css";

/** The invitation link from the email: who invited you, to what, and one way forward. */
export function AcceptInvitationPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const query = useQuery({ ...invitationQuery(token), retry: false });
  const meQuery = useMeQuery();

  if (query.isPending || meQuery.isPending) {
    return (
      <Page title={t("invitation.title")}>
        <Loading label={t("invitation.loading")} />
      </Page>
    );
  }
  if (query.isError) {
    const missing = isApiError(query.error) && query.error.status === 404;
    return (
      <Page title={t("invitation.title")}>
        {missing ? (
          <Notice tone="warning" role="alert">
            <p>{t("invitation.notFound")}</p>
          </Notice>
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Page>
    );
  }

  const preview = query.data;
  return (
    <Page title={t("invitation.title")} width="narrow">
      <InvitationSummary preview={preview} />
      <InvitationAction preview={preview} token={token} me={meQuery.data ?? null} />
    </Page>
  );
}

function InvitationSummary({ preview }: { preview: InvitationPreview }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <div className="invitation-card">
      {preview.community ? (
        <p className="invitation-card__lead">
          {t("invitation.toCommunity", {
            invitedBy: preview.invitedBy,
            community: preview.community.name,
            organization: preview.organizationName,
            role: labels.role(preview.community.role),
          })}
        </p>
      ) : (
        <p className="invitation-card__lead">
          {t("invitation.toOrganization", {
            invitedBy: preview.invitedBy,
            organization: preview.organizationName,
            role: labels.orgRole(preview.orgRole),
          })}
        </p>
      )}
      <dl className="definition-list">
        <dt>{t("invitation.sentTo")}</dt>
        <dd>{preview.email}</dd>
        {preview.community ? (
          <>
            <dt>{t("invitation.community")}</dt>
            <dd>{preview.community.name}</dd>
            <dt>{t("invitation.communityRole")}</dt>
            <dd>
              {labels.role(preview.community.role)} — {labels.roleDescription(preview.community.role)}
            </dd>
          </>
        ) : null}
        <dt>{t("invitation.district")}</dt>
        <dd>{preview.organizationName}</dd>
        {/* An existing account keeps its district role; it only matters for a new one. */}
        {!preview.community || !preview.accountExists ? (
          <>
            <dt>{t("invitation.districtRole")}</dt>
            <dd>{labels.orgRole(preview.orgRole)}</dd>
          </>
        ) : null}
        {preview.status === "pending" ? (
          <>
            <dt>{t("invitation.expires")}</dt>
            <dd>
              <DateTime iso={preview.expiresAt} />
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

interface ActionProps {
  preview: InvitationPreview;
  token: string;
  me: Me | null;
}

function InvitationAction({ preview, token, me }: ActionProps) {
  const { t } = useTranslation();
  if (preview.status === "accepted") {
    return (
      <Notice tone="warning" role="status">
        <p>{t("invitation.alreadyAccepted")}</p>
        <p>
          {me ? <Link to="/">{t("common.backHome")}</Link> : <Link to="/sign-in">{t("auth.signInNow")}</Link>}
        </p>
      </Notice>
    );
  }
  if (preview.status === "expired" || preview.status === "revoked") {
    return (
      <Notice tone="warning" role="alert">
        <p>{preview.status === "expired" ? t("invitation.expired") : t("invitation.revoked")}</p>
        <p>{t("invitation.askAgain", { invitedBy: preview.invitedBy })}</p>
      </Notice>
    );
  }
  if (me) return <AcceptAsSignedIn preview={preview} token={token} me={me} />;
  if (preview.accountExists) {
    return (
      <div className="stack">
        <p>{t("invitation.signInFirst", { email: preview.email })}</p>
        <div>
          <LinkButton
            to="/sign-in"
            search={{ redirect: `/invitations/${encodeURIComponent(token)}`, email: preview.email }}
            variant="primary"
          >
            {t("invitation.signInToAccept")}
          </LinkButton>
        </div>
      </div>
    );
  }
  return <CreateAccountForm preview={preview} token={token} />;
}

function useAfterAccept() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return async (result: AcceptResult) => {
    await queryClient.invalidateQueries({ queryKey: meKey });
    void queryClient.invalidateQueries({ queryKey: ["home"] });
    void queryClient.invalidateQueries({ queryKey: ["communities"] });
    if (result.communityId) {
      await navigate({ to: "/communities/$communityId", params: { communityId: result.communityId } });
    } else if (result.signedIn === false) {
      await navigate({ to: "/sign-in" });
    } else {
      await navigate({ to: "/" });
    }
  };
}

function AcceptAsSignedIn({ preview, token, me }: { preview: InvitationPreview; token: string; me: Me }) {
  const { t } = useTranslation();
  const afterAccept = useAfterAccept();
  const accept = useMutation({ mutationFn: () => acceptInvitation(token, {}), onSuccess: afterAccept });
  const otherAccount = me.person.email.toLowerCase() !== preview.email.toLowerCase();
  return (
    <div className="stack">
      {otherAccount ? (
        <Notice tone="warning">
          <p>{t("invitation.otherAccount", { email: preview.email, me: me.person.email })}</p>
        </Notice>
      ) : null}
      {accept.isError ? (
        <p className="inline-error" role="alert">
          {describeError(accept.error, t)}
        </p>
      ) : null}
      <div className="cluster">
        <Button variant="primary" onPress={() => accept.mutate()} isPending={accept.isPending}>
          {t("invitation.accept")}
        </Button>
        <Link to="/">{t("invitation.notNow")}</Link>
      </div>
    </div>
  );
}

function CreateAccountForm({ preview, token }: { preview: InvitationPreview; token: string }) {
  const { t } = useTranslation();
  const afterAccept = useAfterAccept();
  const [name, setName] = useState(preview.name);
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const schema = useMemo(
    () =>
      z
        .object({
          name: requiredText(120, "your name"),
          password: passwordSchema,
          confirmPassword: z.string(),
        })
        .refine((v) => v.password === v.confirmPassword, {
          path: ["confirmPassword"],
          message: t("auth.passwordsDiffer"),
        }),
    [t],
  );
  const form = useFormSubmit({
    schema,
    send: (data, key) => acceptInvitation(token, { name: data.name, password: data.password }, key),
    onSuccess: (result) => void afterAccept(result),
  });

  return (
    <div className="stack">
      <p>{t("invitation.createAccountLead", { email: preview.email })}</p>
      <Form
        id="accept-invitation"
        form={form}
        onSubmit={() => form.submit({ name, password, confirmPassword: confirm })}
        aria-label={t("invitation.createAccountTitle")}
      >
        <TextField
          label={t("invitation.name")}
          name="name"
          autoComplete="name"
          value={name}
          onChange={setName}
        />
        <TextField
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          description={t("auth.passwordHint")}
          value={password}
          onChange={setPassword}
        />
        <TextField
          label={t("auth.confirmPassword")}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={setConfirm}
        />
        <FormActions>
          <Button type="submit" variant="primary" isPending={form.isPending}>
            {t("invitation.acceptAndCreate")}
          </Button>
        </FormActions>
      </Form>
    </div>
  );
}
