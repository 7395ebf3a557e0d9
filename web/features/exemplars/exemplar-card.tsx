import { useTranslation } from "react-i18next";
import { useLabels } from "../../i18n/labels.ts";
import { useFormat } from "../../ui/format.tsx";
import { Badge, Card } from "../../ui/states.tsx";
import type { Exemplar } from "./api.ts";
import { AppLink, artifactPath } from "./app-link.tsx";

/** One exemplar in the library: title (a link), kind, focusing question, tags, whose, why, curator. */
export function ExemplarCard({ exemplar: e }: { exemplar: Exemplar }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const tags = [...e.subjects, ...e.gradeBands.map(labels.gradeBand), ...e.standards, ...e.topics];
  return (
    <Card className="exemplar-card">
      {e.previewPath ? (
        <img
          className="exemplar-card__preview"
          src={e.previewPath}
          alt={t("exemplars.previewAlt", { title: e.title })}
        />
      ) : null}
      <h3>
        <AppLink href={artifactPath(e.artifactId)}>{e.title}</AppLink>
      </h3>
      <p className="exemplar-card__meta">
        <Badge tone="info">{t(`artifactKinds.${e.kind}`)}</Badge>{" "}
        <span className="muted">
          {e.communityName
            ? t("exemplars.fromCommunity", { owner: e.ownerName, community: e.communityName })
            : t("exemplars.ownWork", { owner: e.ownerName })}
        </span>
      </p>
      {e.focusingQuestion ? <p className="exemplar-card__question">{e.focusingQuestion}</p> : null}
      {tags.length > 0 ? (
        <ul className="exemplar-card__tags" aria-label={t("exemplars.tagsLabel", { title: e.title })}>
          {tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      ) : null}
      <figure className="exemplar-why">
        <figcaption className="exemplar-why__label">{t("exemplars.why")}</figcaption>
        <blockquote>{e.note}</blockquote>
      </figure>
      <p className="muted">
        {e.reviewedBy && e.reviewedAt
          ? t("exemplars.curatedBy", { name: e.reviewedBy.name, date: format.date(e.reviewedAt) })
          : t("exemplars.nominatedBy", { name: e.nominatedBy.name })}
        {" · "}
        {t("exemplars.version", { version: e.versionNumber })}
      </p>
      <div className="cluster">
        {e.shareable ? <Badge tone="success">{t("exemplars.shareable")}</Badge> : null}
        {e.containsStudentWork ? <Badge tone="warning">{t("exemplars.studentWork")}</Badge> : null}
      </div>
    </Card>
  );
}
