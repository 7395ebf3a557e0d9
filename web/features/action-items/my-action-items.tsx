import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../ui/states.tsx";
import { DueCell, StatusButton } from "./action-item-table.tsx";
import { type ActionItem, myActionItemsQuery } from "./api.ts";
import "./action-items.css";

/** A list of action items, each with its community, meeting, due date and "Mark done". */
export function ActionItemList({ items }: { items: ActionItem[] }) {
  const { t } = useTranslation();
  return (
    <ul className="my-action-items">
      {items.map((item) => (
        <li key={item.id} className="my-action-item">
          <div className="my-action-item__text">
            <span className="my-action-item__title">{item.title}</span>
            <span className="my-action-item__meta">
              {item.owner ? `${item.owner.name} · ` : ""}
              {item.meetingId && item.meetingTitle ? (
                <Link to="/meetings/$meetingId/minutes" params={{ meetingId: item.meetingId }}>
                  {t("actionItems.fromMeeting", { meeting: item.meetingTitle })}
                </Link>
              ) : (
                t("actionItems.inCommunity", { community: item.communityName })
              )}
            </span>
            <DueCell item={item} />
          </div>
          <StatusButton item={item} />
        </li>
      ))}
    </ul>
  );
}

/** Home page: my open action items, soonest due first, overdue ones flagged in words. */
export function MyActionItems() {
  const { t } = useTranslation();
  const query = useQuery(myActionItemsQuery);
  return (
    <QueryView query={query} loadingLabel={t("actionItems.mineLoading")}>
      {({ items }) =>
        items.length === 0 ? (
          <p className="muted">{t("actionItems.mineEmpty")}</p>
        ) : (
          <ActionItemList items={items} />
        )
      }
    </QueryView>
  );
}
