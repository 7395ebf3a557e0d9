import { useInfiniteQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { type AuditAction, type AuditEvent, auditActions } from "../../../../shared/schemas/audit.ts";
import { Button } from "../../../ui/button.tsx";
import { DateTime, useFormat } from "../../../ui/format.tsx";
import { Page } from "../../../ui/page.tsx";
import { SelectField } from "../../../ui/select-field.tsx";
import { EmptyState, ErrorState, Loading } from "../../../ui/states.tsx";
import { useMe } from "../../auth/me.ts";
import { NoAccess } from "../../shell/error-page.tsx";
import { auditQuery } from "./api.ts";
import "./audit.css";

/** Who did what, when — newest first, filterable by action, 50 at a time. */
export function AuditPage({ action }: { action: AuditAction | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const navigate = useNavigate();
  const query = useInfiniteQuery({ ...auditQuery(action), enabled: me.can.readAudit });
  if (!me.can.readAudit) return <NoAccess message={t("audit.noAccess")} />;

  const events = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Page title={t("audit.title")} lead={<p>{t("audit.lead", { timeZone: format.timeZone })}</p>}>
      <div className="audit-filter">
        <SelectField
          label={t("audit.filterLabel")}
          value={action ?? ""}
          onChange={(v) =>
            void navigate({
              to: "/admin/audit",
              search: {
                action: (auditActions as readonly string[]).includes(v) ? (v as AuditAction) : undefined,
              },
            })
          }
          options={[
            { value: "", label: t("audit.allActions") },
            ...auditActions.map((a) => ({ value: a, label: t(`auditActions.${a}`) })),
          ]}
        />
      </div>
      {query.isPending ? (
        <Loading label={t("audit.loading")} />
      ) : query.isError && events.length === 0 ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : events.length === 0 ? (
        <EmptyState title={action ? t("audit.emptyFiltered") : t("audit.empty")}>
          <p>{t("audit.emptyHint")}</p>
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table table--stack audit-table">
              <caption className="visually-hidden">{t("audit.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("audit.colWhen")}</th>
                  <th scope="col">{t("audit.colWho")}</th>
                  <th scope="col">{t("audit.colWhat")}</th>
                  <th scope="col">{t("audit.colSubject")}</th>
                  <th scope="col">{t("audit.colDetails")}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <AuditRow key={event.id} event={event} />
                ))}
              </tbody>
            </table>
          </div>
          <div className="cluster">
            <p className="muted" role="status">
              {t("audit.shown", { count: events.length })}
            </p>
            {query.hasNextPage ? (
              <Button onPress={() => void query.fetchNextPage()} isPending={query.isFetchingNextPage}>
                {t("audit.loadMore")}
              </Button>
            ) : null}
          </div>
          {query.isFetchNextPageError ? (
            <ErrorState error={query.error} onRetry={() => void query.fetchNextPage()} />
          ) : null}
        </>
      )}
    </Page>
  );
}

function formatDetail(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(formatDetail).join(", ");
  return JSON.stringify(value);
}

function AuditRow({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const details = Object.entries(event.details);
  return (
    <tr>
      <td data-label={t("audit.colWhen")}>
        <DateTime iso={event.createdAt} />
      </td>
      <td data-label={t("audit.colWho")}>{event.actorName ?? t("audit.system")}</td>
      <td data-label={t("audit.colWhat")}>{t(`auditActions.${event.action}`)}</td>
      <td data-label={t("audit.colSubject")}>{event.subjectName ?? "—"}</td>
      <td data-label={t("audit.colDetails")}>
        {details.length === 0 ? (
          "—"
        ) : (
          <dl className="audit-details">
            {details.map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{formatDetail(value)}</dd>
              </div>
            ))}
          </dl>
        )}
      </td>
    </tr>
  );
}
