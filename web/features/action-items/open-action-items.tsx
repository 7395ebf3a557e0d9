import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../ui/states.tsx";
import { openActionItemsQuery } from "./api.ts";
import { ActionItemList } from "./my-action-items.tsx";

/**
 * A community's open action items, for an "action review" agenda item of the next meeting (the
 * meeting page and the live room embed it). Owners and facilitators can mark items done right here.
 */
export function OpenActionItems({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const query = useQuery(openActionItemsQuery(communityId));
  return (
    <QueryView query={query} loadingLabel={t("actionItems.openLoading")}>
      {({ items }) =>
        items.length === 0 ? (
          <p className="muted">{t("actionItems.openEmpty")}</p>
        ) : (
          <ActionItemList items={items} />
        )
      }
    </QueryView>
  );
}
