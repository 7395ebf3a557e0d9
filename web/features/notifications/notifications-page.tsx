import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { DateTime } from "../../ui/format.tsx";
import { Page } from "../../ui/page.tsx";
import { Badge, EmptyState, ErrorState, Loading } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { markAllRead, markRead, type Notification, notificationKeys, notificationListQuery } from "./api.ts";
import { NotificationSettings } from "./notification-settings.tsx";
import { sentenceOf } from "./sentence.ts";
import "./notifications.css";

type Filter = "all" | "unread";

/** My notifications: newest first, each a sentence linking to what it is about; settings below. */
export function NotificationsPage({ filter }: { filter: Filter }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(notificationListQuery(filter));
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const all = useMutation({
    mutationFn: markAllRead,
    onSuccess: (result) => {
      toast.success(t("notifications.markedAll", { count: result.marked }));
      refresh();
    },
    onError: (error) => toast.error(describeError(error, t)),
  });

  return (
    <Page
      title={t("notifications.title")}
      lead={<p>{t("notifications.lead")}</p>}
      actions={
        items.some((n) => !n.read) ? (
          <Button variant="secondary" onPress={() => all.mutate()} isPending={all.isPending}>
            {t("notifications.markAllRead")}
          </Button>
        ) : null
      }
    >
      <nav className="notification-filters" aria-label={t("notifications.filterLabel")}>
        <Link to="/notifications" search={{}} activeOptions={{ exact: true, includeSearch: true }}>
          {t("notifications.all")}
        </Link>
        <Link
          to="/notifications"
          search={{ filter: "unread" }}
          activeOptions={{ exact: true, includeSearch: true }}
        >
          {t("notifications.unread")}
        </Link>
      </nav>
      {query.isPending ? (
        <Loading label={t("notifications.loading")} />
      ) : query.isError && items.length === 0 ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={filter === "unread" ? t("notifications.emptyUnreadTitle") : t("notifications.emptyTitle")}
        >
          <p>{filter === "unread" ? t("notifications.emptyUnreadHint") : t("notifications.emptyHint")}</p>
        </EmptyState>
      ) : (
        <div className="stack">
          <ul className="notification-list">
            {items.map((n) => (
              <NotificationItem key={n.id} notification={n} onOpened={refresh} />
            ))}
          </ul>
          {query.hasNextPage ? (
            <div>
              <Button onPress={() => void query.fetchNextPage()} isPending={query.isFetchingNextPage}>
                {t("notifications.loadMore")}
              </Button>
            </div>
          ) : null}
        </div>
      )}
      <NotificationSettings />
    </Page>
  );
}

/** Opening a notification marks it read first, so the bell is right on the page it leads to. */
function NotificationItem({
  notification: n,
  onOpened,
}: {
  notification: Notification;
  onOpened: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = async (event: React.MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (!n.read) await markRead(n.id).catch(() => undefined);
    onOpened();
    await navigate({ href: n.path });
  };
  return (
    <li className={n.read ? "notification" : "notification notification--unread"}>
      <div className="notification__body">
        <a href={n.path} className="notification__link" onClick={(e) => void open(e)}>
          {sentenceOf(n, t)}
        </a>
        <span className="muted">
          <DateTime iso={n.createdAt} />
        </span>
      </div>
      {n.read ? null : <Badge tone="info">{t("notifications.new")}</Badge>}
    </li>
  );
}
