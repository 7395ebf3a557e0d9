import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { OutboxMessage } from "../../../../shared/schemas/audit.ts";
import { DateTime } from "../../../ui/format.tsx";
import { Page, Section } from "../../../ui/page.tsx";
import { Badge, EmptyState, QueryView } from "../../../ui/states.tsx";
import { useMe } from "../../auth/me.ts";
import { NoAccess } from "../../shell/error-page.tsx";
import { outboxQuery } from "./api.ts";
import { Linkify } from "./linkify.tsx";
import "./outbox.css";

const statusTone = { pending: "info", sent: "success", failed: "danger", kept: "neutral" } as const;

/** Mail Lamplight would have sent (kept here when no SMTP server is set up), readable with live links. */
export function OutboxPage({ messageId }: { messageId: string | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery({ ...outboxQuery, enabled: me.can.readOutbox });
  if (!me.can.readOutbox) return <NoAccess message={t("outbox.noAccess")} />;
  return (
    <Page title={t("outbox.title")} lead={<p>{t("outbox.lead")}</p>}>
      <QueryView query={query} loadingLabel={t("outbox.loading")}>
        {(data) => {
          if (data.items.length === 0) {
            return (
              <EmptyState title={t("outbox.emptyTitle")}>
                <p>{t("outbox.emptyHint")}</p>
              </EmptyState>
            );
          }
          const selected = data.items.find((m) => m.id === messageId);
          return (
            <div className="outbox">
              <Section title={t("outbox.listTitle", { count: data.items.length })} id="messages">
                <ul className="outbox__list">
                  {data.items.map((message) => (
                    <MessageRow key={message.id} message={message} isOpen={message.id === messageId} />
                  ))}
                </ul>
              </Section>
              {selected ? (
                <MessageView message={selected} />
              ) : messageId ? (
                <p className="muted">{t("outbox.notFound")}</p>
              ) : (
                <p className="muted outbox__hint">{t("outbox.pickOne")}</p>
              )}
            </div>
          );
        }}
      </QueryView>
    </Page>
  );
}

function StatusBadge({ status }: { status: OutboxMessage["status"] }) {
  const { t } = useTranslation();
  return <Badge tone={statusTone[status]}>{t(`outbox.status.${status}`)}</Badge>;
}

function MessageRow({ message, isOpen }: { message: OutboxMessage; isOpen: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="outbox__item" data-open={isOpen ? true : undefined}>
      <Link
        to="/admin/outbox"
        search={{ message: message.id }}
        className="outbox__link"
        aria-current={isOpen ? "true" : undefined}
        resetScroll={false}
      >
        {message.subject || t("outbox.noSubject")}
      </Link>
      <span className="outbox__meta">
        {t("outbox.to", { to: message.to })} · <DateTime iso={message.createdAt} />
      </span>
      <span>
        <StatusBadge status={message.status} />
      </span>
    </li>
  );
}

function MessageView({ message }: { message: OutboxMessage }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opening a message moves focus (and, on a phone, the view) to it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when another message is opened
  useEffect(() => {
    headingRef.current?.focus();
  }, [message.id]);
  return (
    <article className="outbox__message" aria-labelledby="message-subject">
      <h2 id="message-subject" ref={headingRef} tabIndex={-1}>
        {message.subject || t("outbox.noSubject")}
      </h2>
      <dl className="definition-list">
        <dt>{t("outbox.toLabel")}</dt>
        <dd>{message.to}</dd>
        <dt>{t("outbox.dateLabel")}</dt>
        <dd>
          <DateTime iso={message.createdAt} />
        </dd>
        <dt>{t("outbox.statusLabel")}</dt>
        <dd>
          <StatusBadge status={message.status} />
        </dd>
      </dl>
      <div className="outbox__body">
        {message.text === null ? <p>{t("outbox.private")}</p> : <Linkify text={message.text} />}
      </div>
      <p>
        <Link to="/admin/outbox" search={{}}>
          {t("outbox.close")}
        </Link>
      </p>
    </article>
  );
}
