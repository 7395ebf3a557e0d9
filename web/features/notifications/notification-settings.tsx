import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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
  const save = useMutation({
    mutationFn: saveMutes,
    onMutate: (muted) => {
      const before = queryClient.getQueryData(notificationKeys.mutes);
      queryClient.setQueryData(notificationKeys.mutes, { muted });
      return { before };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(notificationKeys.mutes, saved);
      toast.success(t("notifications.saved"));
    },
    onError: (_error, _muted, context) => {
      queryClient.setQueryData(notificationKeys.mutes, context?.before);
      toast.error(t("notifications.saveFailed"));
    },
  });

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
          value={query.data.muted}
          onChange={(muted) => save.mutate(muted as NotificationKind[])}
          options={notificationKinds.map((kind) => ({
            value: kind,
            label: t(`notifications.kinds.${kind}`),
          }))}
        />
      )}
    </Section>
  );
}
