import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Badge } from "../../ui/states.tsx";
import type { SearchResult } from "./api.ts";
import { Highlighted } from "./highlighted.tsx";

/** One result: its title as a link to where it lives, what it is and where, and the matching words. */
export function SearchResultItem({ result }: { result: SearchResult }) {
  const { t } = useTranslation();
  const [pathname, hash] = result.path.split("#");
  const where = result.communityName
    ? t("search.inCommunity", { community: result.communityName })
    : result.kind === "artifact" && !result.communityId
      ? t("search.myWork")
      : null;
  return (
    <article className="search-result">
      <h2 className="search-result__title">
        {/* The route is the server's: work samples, discussions and communities each have their own. */}
        <Link to={pathname as "/"} hash={hash}>
          <Highlighted segments={result.titleSegments} />
        </Link>
      </h2>
      <p className="search-result__meta">
        <Badge>{t(`search.kinds.${result.kind}`)}</Badge>{" "}
        {result.artifactKind ? <span>{t(`artifactKinds.${result.artifactKind}`)} · </span> : null}
        {where ? <span>{where}</span> : null}
        {result.standards.length ? (
          <span> · {t("search.standardsMatched", { standards: result.standards.join(", ") })}</span>
        ) : null}
      </p>
      {result.snippet.length ? (
        <p className="search-result__snippet">
          <Highlighted segments={result.snippet} />
        </p>
      ) : null}
    </article>
  );
}
