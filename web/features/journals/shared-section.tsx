import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Section } from "../../ui/page.tsx";
import { ErrorState, Loading } from "../../ui/states.tsx";
import { communityJournalQuery } from "./api.ts";
import { EntryList } from "./journal-page.tsx";
import "./journals.css";

/**
 * The community page's "Shared reflections": journal entries its members chose to share with it. Only
 * the community's own members see the section (the API gives everyone else none).
 */
export function SharedReflectionsSection({
  communityId,
  isMember,
}: {
  communityId: string;
  isMember: boolean;
}) {
  const { t } = useTranslation();
  const query = useQuery({ ...communityJournalQuery(communityId), enabled: isMember });
  if (!isMember) return null;
  return (
    <Section title={t("journal.sharedTitle")} id="shared-reflections">
      {query.isPending ? (
        <Loading label={t("journal.sharedLoading")} lines={2} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <p className="muted">{t("journal.sharedEmpty")}</p>
      ) : (
        <EntryList entries={query.data.items} label={t("journal.sharedTitle")} showAuthor />
      )}
    </Section>
  );
}
