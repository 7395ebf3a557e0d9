import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Section } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { type JournalEntry, journalKeys, shareEntry, shareTargetsQuery, unshareEntry } from "./api.ts";

/** "Sharing": private, or shared with one community the author is a member or facilitator of. */
export function ShareControls({ entry }: { entry: JournalEntry }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const targets = useQuery(shareTargetsQuery());
  const [communityId, setCommunityId] = useState(entry.sharedWith?.id ?? "");
  const done = (saved: JournalEntry) => {
    queryClient.setQueryData(journalKeys.one(entry.id), saved);
    void queryClient.invalidateQueries({ queryKey: journalKeys.mine });
    for (const id of [entry.sharedWith?.id, saved.sharedWith?.id])
      if (id) void queryClient.invalidateQueries({ queryKey: journalKeys.community(id) });
  };
  const share = useMutation({
    mutationFn: () => shareEntry(entry.id, communityId),
    onSuccess: (saved) => {
      done(saved);
      toast.success(t("journal.sharedToast", { community: saved.sharedWith?.name ?? "" }));
    },
  });
  const unshare = useMutation({
    mutationFn: () => unshareEntry(entry.id),
    onSuccess: (saved) => {
      done(saved);
      setCommunityId("");
      toast.success(t("journal.unsharedToast"));
    },
  });
  const options = (targets.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const failure = share.error ?? unshare.error;
  return (
    <Section title={t("journal.sharingTitle")} id="sharing">
      <p>
        {entry.sharedWith
          ? t("journal.sharedNow", { community: entry.sharedWith.name })
          : t("journal.privateNow")}
      </p>
      {targets.isSuccess && options.length === 0 ? (
        <p className="muted">{t("journal.noCommunities")}</p>
      ) : (
        <div className="journal-share">
          <SelectField
            label={t("journal.shareWith")}
            name="communityId"
            value={communityId}
            placeholder={t("journal.chooseCommunity")}
            options={options}
            onChange={setCommunityId}
          />
          <Button
            variant="primary"
            onPress={() => share.mutate()}
            isPending={share.isPending}
            isDisabled={!communityId || communityId === entry.sharedWith?.id}
          >
            {t("journal.share")}
          </Button>
          {entry.sharedWith ? (
            <Button variant="secondary" onPress={() => unshare.mutate()} isPending={unshare.isPending}>
              {t("journal.unshare")}
            </Button>
          ) : null}
        </div>
      )}
      {failure ? (
        <p className="inline-error" role="alert">
          {describeError(failure, t)}
        </p>
      ) : null}
    </Section>
  );
}
