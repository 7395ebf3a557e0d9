import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { NotificationKind } from "../../../shared/schemas/work-enums.ts";
import { notificationKinds } from "../../../shared/schemas/work-enums.ts";
import { CheckboxGroupField } from "../../ui/choice-fields.tsx";
import { Section } from "../../ui/page.tsx";
import { ErrorState, Loading } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { mutesQuery, notificationKeys, saveMutes } from "./api.ts";

/** A checkbox per kind to mute; each change is saved at once (and undone on screen if it fails). */
export function NotificationSettings() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const query = useQuery(mutesQuery);
  // What the boxes show: the person's last click at once (a controlled checkbox must change in the same
  // event, or it flips back until the query cache catches up), else what the server says.
  const [clicked, setClicked] = useState<NotificationKind[] | null>(null);
  const save = useMutation({
    mutationFn: saveMutes,
    onSuccess: (saved) => {
      queryClient.setQueryData(notificationKeys.mutes, saved);
      toast.success(t("notifications.saved"));
    },
    onError: () => {
      setClicked(null);
      toast.error(t("notifications.saveFailed"));
    },
  });
  const change = (muted: NotificationKind[]) => {
    setClicked(muted);
    save.mutate(muted);
  };

  return (
    <Section title={t("notifications.settingsTitle")} id="notification-settings">
      {query.isPending ? (
        <Loading lines={2} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <CheckboxGroupField
          id="notification-mutes"
          label={t("notifications.mutesLabel")}
          description={t("notifications.mutesHint")}
          value={clicked ?? query.data.muted}
          onChange={(muted) => change(muted as NotificationKind[])}
          options={notificationKinds.map((kind) => ({
            value: kind,
            label: t(`notifications.kinds.${kind}`),
          }))}
        />
      )}
    </Section>
  );
}
