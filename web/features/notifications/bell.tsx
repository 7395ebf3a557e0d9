import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { unreadCountQuery } from "./api.ts";
import "./notifications.css";

/**
 * The header's bell: a link to /notifications named "Notifications, 3 unread" for screen readers.
 * The count polls every 30 s and on window focus; a failed poll keeps the last number.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const query = useQuery(unreadCountQuery);
  const unread = query.data?.unread ?? 0;
  const { refetch } = query;
  // Coming back to the window (another app, another tab) asks again at once, not at the next poll.
  useEffect(() => {
    const onFocus = () => void refetch();
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [refetch]);
  const shown = unread > 99 ? "99+" : String(unread);
  return (
    <Link to="/notifications" className="bell" activeOptions={{ exact: true }}>
      <BellIcon />
      <span className="visually-hidden">
        {unread > 0 ? t("notifications.bellUnread", { count: unread }) : t("notifications.bell")}
      </span>
      {unread > 0 ? (
        <span className="bell__count" aria-hidden="true">
          {shown}
        </span>
      ) : null}
    </Link>
  );
}

function BellIcon() {
  return (
    <svg
      width="24"
      height="24"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      className="bell__icon"
    >
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6L4.3 16a1 1 0 0 0 .9 1.5h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 16a2.5 2.5 0 0 0 5 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
