import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CalendarFeed } from "../../../shared/schemas/calendar.ts";
import { Button } from "../../ui/button.tsx";
import { ConfirmDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { useFormat } from "../../ui/format.tsx";
import { Section } from "../../ui/page.tsx";
import { QueryView } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { calendarFeedKey, calendarFeedQuery, regenerateCalendarFeed } from "./api.ts";
import "../meetings/meetings.css";

/** The profile's "Calendar subscription": the private URL to copy, and a way to replace it. */
export function CalendarSubscription() {
  const { t } = useTranslation();
  const query = useQuery(calendarFeedQuery);
  return (
    <Section title={t("calendar.section")} id="calendar">
      <p>{t("calendar.lead")}</p>
      <QueryView query={query} loadingLabel={t("calendar.loading")}>
        {(feed) => <FeedControls feed={feed} />}
      </QueryView>
    </Section>
  );
}

function FeedControls({ feed }: { feed: CalendarFeed }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const regenerate = useMutation({
    mutationFn: regenerateCalendarFeed,
    onSuccess: (fresh) => {
      queryClient.setQueryData(calendarFeedKey, fresh);
      toast.success(feed.url ? t("calendar.regenerated") : t("calendar.created"));
      setConfirming(false);
    },
    onError: (error) => toast.error(describeError(error, t)),
  });
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      toast.success(t("calendar.copied"));
    } catch {
      toast.error(t("calendar.copyFailed"));
    }
  };
  if (!feed.url) {
    return (
      <>
        <p className="muted">{t("calendar.none")}</p>
        <Button variant="primary" onPress={() => regenerate.mutate()} isPending={regenerate.isPending}>
          {t("calendar.create")}
        </Button>
      </>
    );
  }
  const url = feed.url;
  return (
    <>
      <div className="field">
        <span className="field__label" id="calendar-url-label">
          {t("calendar.urlLabel")}
        </span>
        <span className="field__description">{t("calendar.urlHint")}</span>
        <output className="calendar-url" aria-labelledby="calendar-url-label">
          {url}
        </output>
        {feed.createdAt ? (
          <span className="muted">{t("calendar.createdAt", { date: format.date(feed.createdAt) })}</span>
        ) : null}
      </div>
      <div className="cluster">
        <Button variant="primary" onPress={() => void copy(url)}>
          {t("calendar.copy")}
        </Button>
        <Button variant="secondary" onPress={() => setConfirming(true)}>
          {t("calendar.regenerate")}
        </Button>
      </div>
      <ConfirmDialog
        title={t("calendar.regenerateTitle")}
        isOpen={confirming}
        onOpenChange={setConfirming}
        confirmLabel={t("calendar.regenerateConfirm")}
        onConfirm={() => regenerate.mutate()}
        isPending={regenerate.isPending}
        destructive
      >
        <p>{t("calendar.regenerateBody")}</p>
      </ConfirmDialog>
    </>
  );
}
