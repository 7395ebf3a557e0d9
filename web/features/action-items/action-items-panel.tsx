import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Section } from "../../ui/page.tsx";
import { QueryView } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { minutesQuery } from "../minutes/api.ts";
import { AddActionItemForm } from "./action-item-form.tsx";
import { ActionItemTable, useRefreshActionItems } from "./action-item-table.tsx";
import { createMeetingActionItem } from "./api.ts";

interface ActionItemsPanelProps {
  meetingId: string;
  /** h2 on a page of its own, h3 inside another section (the live room). */
  headingLevel?: 2 | 3;
}

/**
 * A meeting's action items with an add form (owner picker, due date) for those who may add them.
 * Self-contained (it loads what it needs by meeting id) so the live room can embed it as is.
 */
export function ActionItemsPanel({ meetingId, headingLevel = 2 }: ActionItemsPanelProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const refresh = useRefreshActionItems();
  const query = useQuery(minutesQuery(meetingId));
  return (
    <Section title={t("actionItems.title")} id="action-items" headingLevel={headingLevel}>
      <QueryView query={query} loadingLabel={t("actionItems.openLoading")}>
        {(minutes) => (
          <div className="stack">
            {minutes.actionItems.length === 0 ? (
              <p className="muted">
                {minutes.can.addActionItems ? t("actionItems.emptyCanAdd") : t("actionItems.empty")}
              </p>
            ) : (
              <ActionItemTable items={minutes.actionItems} caption={t("actionItems.caption")} />
            )}
            {minutes.can.addActionItems ? (
              <AddActionItemForm
                formId={`add-action-item-${meetingId}`}
                communityId={minutes.meeting.communityId}
                agendaItems={minutes.agendaItems}
                send={(input, key) => createMeetingActionItem(meetingId, input, key)}
                onCreated={(item) => {
                  toast.success(t("actionItems.added", { name: item.owner?.name ?? "" }));
                  refresh();
                }}
              />
            ) : null}
          </div>
        )}
      </QueryView>
    </Section>
  );
}
