import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.ts";
import { Button, LinkButton } from "../../ui/button.tsx";
import { ConfirmDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { DateTime } from "../../ui/format.tsx";
import { Page, Section } from "../../ui/page.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import {
  type Administration,
  administrationKeys,
  administrationQuery,
  closeAdministration,
  remindAdministration,
} from "./api.ts";
import { ClosingForm } from "./closing-form.tsx";
import { AdministrationBadges } from "./status.tsx";
import "./survey-administrations.css";

/** /survey-administrations/$administrationId — status, dates, how many answered; the sender's actions. */
export function AdministrationPage({ administrationId }: { administrationId: string }) {
  const { t } = useTranslation();
  const query = useQuery(administrationQuery(administrationId));
  if (query.isError && isApiError(query.error) && query.error.status === 404)
    return (
      <Page title={t("surveyAdministrations.notFoundTitle")}>
        <EmptyState title={t("surveyAdministrations.notFoundTitle")}>
          <p>{t("surveyAdministrations.notFound")}</p>
        </EmptyState>
      </Page>
    );
  return (
    <QueryView query={query} loadingLabel={t("surveyAdministrations.loading")}>
      {(a) => <AdministrationView a={a} />}
    </QueryView>
  );
}

function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return (next?: Administration) => {
    if (next) queryClient.setQueryData(administrationKeys.one(id), next);
    void queryClient.invalidateQueries({ queryKey: administrationKeys.all });
  };
}

function AdministrationView({ a }: { a: Administration }) {
  const { t } = useTranslation();
  const to = a.community?.name ?? a.school?.name;
  return (
    <Page
      title={a.title}
      eyebrow={<AdministrationBadges a={a} />}
      lead={
        <p>
          {to ? t("surveyAdministrations.to", { name: to }) : t("surveyAdministrations.toDistrict")}
          {" · "}
          {t("surveyAdministrations.sentBy", { name: a.sentBy.name })}
        </p>
      }
      actions={
        <>
          {a.can.answer ? (
            <LinkButton
              to="/survey-responses/$administrationId"
              params={{ administrationId: a.id }}
              variant="primary"
            >
              {t("surveyAdministrations.answerNow")}
            </LinkButton>
          ) : null}
          {a.can.results ? (
            <LinkButton
              to="/survey-administrations/$administrationId/results"
              params={{ administrationId: a.id }}
            >
              {t("surveyAdministrations.seeResults")}
            </LinkButton>
          ) : null}
        </>
      }
    >
      <ResponsesSection a={a} />
      {a.can.remind || a.can.close || a.can.changeClosing ? <ManageActions a={a} /> : null}
      {a.community ? (
        <p>
          <Link to="/communities/$communityId" params={{ communityId: a.community.id }}>
            {a.community.name}
          </Link>
        </p>
      ) : null}
    </Page>
  );
}

/** How many answered, the dates, and — named surveys, for the sender — who. */
function ResponsesSection({ a }: { a: Administration }) {
  const { t } = useTranslation();
  return (
    <Section title={t("surveyAdministrations.whoAnswered")} id="responses">
      <p className="survey-count">
        {t("surveyAdministrations.answered", { submitted: a.submitted, recipients: a.recipients })}
      </p>
      <dl className="survey-dates">
        <div>
          <dt>{t("surveyAdministrations.opens")}</dt>
          <dd>
            <DateTime iso={a.opensAt} />
          </dd>
        </div>
        <div>
          <dt>
            {a.status === "closed" ? t("surveyAdministrations.closed") : t("surveyAdministrations.closes")}
          </dt>
          <dd>
            <DateTime iso={a.closesAt} />
          </dd>
        </div>
        {a.remindedAt ? (
          <div>
            <dt>{t("surveyAdministrations.remindedAt")}</dt>
            <dd>
              <DateTime iso={a.remindedAt} />
            </dd>
          </div>
        ) : null}
      </dl>
      {a.respondents ? (
        <ul className="survey-respondents">
          {a.respondents.map((r) => (
            <li key={r.id}>
              <span>{r.name}</span>{" "}
              <span className={r.answered ? "badge badge--success" : "badge badge--neutral"}>
                {r.answered ? t("surveyAdministrations.hasAnswered") : t("surveyAdministrations.notYet")}
              </span>
            </li>
          ))}
        </ul>
      ) : a.anonymous ? (
        <p className="muted">{t("surveyAdministrations.anonymousWho")}</p>
      ) : null}
    </Section>
  );
}

/** Remind, change the closing date, close now: the sender's and administrators' actions. */
function ManageActions({ a }: { a: Administration }) {
  const { t } = useTranslation();
  const toast = useToast();
  const refresh = useRefresh(a.id);
  const [confirming, setConfirming] = useState(false);
  const [editingClose, setEditingClose] = useState(false);
  const remind = useMutation({
    mutationFn: () => remindAdministration(a.id),
    onSuccess: (r) => {
      toast.success(t("surveyAdministrations.reminded", { count: r.reminded }));
      refresh();
    },
  });
  const close = useMutation({
    mutationFn: () => closeAdministration(a.id, a.version),
    onSuccess: (next) => {
      setConfirming(false);
      toast.success(t("surveyAdministrations.closedNow"));
      refresh(next);
    },
  });
  return (
    <>
      <div className="survey-actions">
        {remind.error ? (
          <p className="inline-error" role="alert">
            {describeError(remind.error, t)}
          </p>
        ) : null}
        {a.status === "open" && (a.can.remind || a.remindedAt) ? (
          <Button onPress={() => remind.mutate()} isPending={remind.isPending} isDisabled={!a.can.remind}>
            {t("surveyAdministrations.remind")}
          </Button>
        ) : null}
        {a.can.changeClosing && !editingClose ? (
          <Button onPress={() => setEditingClose(true)}>{t("surveyAdministrations.changeClosing")}</Button>
        ) : null}
        {a.can.close ? (
          <Button variant="danger" onPress={() => setConfirming(true)}>
            {t("surveyAdministrations.closeNow")}
          </Button>
        ) : null}
      </div>
      {editingClose ? (
        <ClosingForm
          a={a}
          onDone={(next) => {
            setEditingClose(false);
            if (next) {
              toast.success(t("surveyAdministrations.closingSaved"));
              refresh(next);
            }
          }}
        />
      ) : null}
      <ConfirmDialog
        title={t("surveyAdministrations.closeNow")}
        isOpen={confirming}
        onOpenChange={setConfirming}
        confirmLabel={t("surveyAdministrations.closeNow")}
        onConfirm={() => close.mutate()}
        isPending={close.isPending}
        destructive
        error={close.error ? describeError(close.error, t) : null}
      >
        <p>{t("surveyAdministrations.closeConfirm")}</p>
      </ConfirmDialog>
    </>
  );
}
