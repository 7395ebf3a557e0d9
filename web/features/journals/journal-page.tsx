import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { journalPrompts } from "../../../shared/reflection/prompts.ts";
import { Button, LinkButton } from "../../ui/button.tsx";
import { Page, Section } from "../../ui/page.tsx";
import { Badge, EmptyState, ErrorState, Loading } from "../../ui/states.tsx";
import { formatDay, type JournalEntry, myJournalQuery } from "./api.ts";
import "./journals.css";

/** /journal — "My journal": prompts to start from, then my entries, newest first. */
export function JournalPage() {
  const { t } = useTranslation();
  return (
    <Page
      title={t("journal.title")}
      lead={t("journal.lead")}
      actions={
        <LinkButton to="/journal/new" variant="primary">
          {t("journal.writeFree")}
        </LinkButton>
      }
    >
      <Section title={t("journal.promptsTitle")} id="prompts">
        <p className="muted">{t("journal.promptsHint")}</p>
        <ul className="journal-prompts" aria-label={t("journal.promptsLabel")}>
          {journalPrompts.map((p) => (
            <li key={p.key}>
              <LinkButton to="/journal/new" search={{ prompt: p.key }} variant="secondary">
                {t(`journal.prompt.${p.key}`)}
              </LinkButton>
            </li>
          ))}
        </ul>
      </Section>
      <Entries />
    </Page>
  );
}

function Entries() {
  const { t } = useTranslation();
  const query = useInfiniteQuery(myJournalQuery());
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section title={t("journal.entriesTitle")} id="entries">
      {query.isPending ? (
        <Loading label={t("journal.loading")} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title={t("journal.emptyTitle")}>
          <p>{t("journal.empty")}</p>
        </EmptyState>
      ) : (
        <>
          <EntryList entries={entries} label={t("journal.entriesTitle")} />
          {query.hasNextPage ? (
            <Button
              variant="secondary"
              onPress={() => void query.fetchNextPage()}
              isPending={query.isFetchingNextPage}
            >
              {t("journal.loadMore")}
            </Button>
          ) : null}
        </>
      )}
    </Section>
  );
}

/** Entries as links by title (or their date), with their prompt and who may read them. */
export function EntryList({
  entries,
  label,
  showAuthor = false,
}: {
  entries: JournalEntry[];
  label: string;
  showAuthor?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="journal-list" aria-label={label}>
      {entries.map((e) => {
        const day = formatDay(e.writtenOn, i18n.language);
        return (
          <li key={e.id}>
            <Link to="/journal/$entryId" params={{ entryId: e.id }} className="journal-list__title">
              {e.title || t("journal.untitled", { date: day })}
            </Link>
            <div className="journal-list__meta">
              {showAuthor ? t("journal.sharedMeta", { name: e.author.name, date: day }) : day}
              {e.prompt ? ` · ${t(`journal.prompt.${e.prompt}` as "journal.prompt.struggle")}` : ""}{" "}
              {showAuthor ? null : e.sharedWith ? (
                <Badge tone="info">{t("journal.sharedBadge", { community: e.sharedWith.name })}</Badge>
              ) : (
                <Badge>{t("journal.privateBadge")}</Badge>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
