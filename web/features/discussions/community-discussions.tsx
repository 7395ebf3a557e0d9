import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../ui/format.tsx";
import { Section } from "../../ui/page.tsx";
import { Badge, ErrorState, Loading } from "../../ui/states.tsx";
import { threadListQuery } from "./api.ts";
import "./discussions.css";

/** The community page's "Discussions": the three at the top of the list, and a link to all of them. */
export function CommunityDiscussionsSection({
  communityId,
  communityName,
}: {
  communityId: string;
  communityName: string;
}) {
  const { t } = useTranslation();
  const query = useInfiniteQuery(threadListQuery(communityId));
  const threads = query.data?.pages[0]?.items.slice(0, 3) ?? [];
  return (
    <Section title={t("discussions.sectionTitle")} id="discussions">
      {query.isPending ? (
        <Loading label={t("discussions.loading")} lines={2} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : threads.length === 0 ? (
        <p className="muted">{t("discussions.sectionEmpty")}</p>
      ) : (
        <ul className="thread-mini-list">
          {threads.map((thread) => (
            <li key={thread.id}>
              <Link to="/threads/$threadId" params={{ threadId: thread.id }}>
                {thread.title}
              </Link>{" "}
              {thread.pinned ? <Badge tone="info">{t("discussions.pinned")}</Badge> : null}{" "}
              <span className="muted">
                {t("discussions.replies", { count: thread.replyCount })} ·{" "}
                <DateTime iso={thread.lastPostAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/communities/$communityId/discussions" params={{ communityId }}>
          {t("discussions.allLink", { community: communityName })}
        </Link>
      </p>
    </Section>
  );
}
