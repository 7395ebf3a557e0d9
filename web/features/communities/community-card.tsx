import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CommunitySummary } from "../../../shared/schemas/communities.ts";
import { useLabels } from "../../i18n/labels.ts";
import { Badge, Card } from "../../ui/states.tsx";
import "./communities.css";

export function excerpt(text: string, max = 180): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  return `${cut.slice(0, lastSpace > max * 0.6 ? lastSpace : max).trimEnd()}…`;
}

interface CommunityCardProps {
  community: CommunitySummary;
  headingLevel?: "h2" | "h3";
  actions?: ReactNode;
}

/** One community in a list: name (a link), kind, purpose, members, my role. */
export function CommunityCard({ community, headingLevel = "h3", actions }: CommunityCardProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const Heading = headingLevel;
  return (
    <Card className="community-card">
      <Heading>
        <Link to="/communities/$communityId" params={{ communityId: community.id }}>
          {community.name}
        </Link>
      </Heading>
      <p className="community-card__meta">
        <span>{labels.kind(community.kind)}</span>
        <span aria-hidden="true">·</span>
        <span>{t("communities.memberCount", { count: community.memberCount })}</span>
        {community.archived ? <Badge tone="warning">{t("communities.archived")}</Badge> : null}
      </p>
      {community.purpose ? (
        <p className="community-card__purpose">{excerpt(community.purpose)}</p>
      ) : (
        <p className="muted">{t("communities.noPurpose")}</p>
      )}
      <div className="community-card__actions">
        {community.myStatus === "active" && community.myRole ? (
          <Badge tone="info">{t("communities.yourRole", { role: labels.role(community.myRole) })}</Badge>
        ) : null}
        {community.myStatus === "requested" ? (
          <Badge tone="warning">{t("communities.requestPending")}</Badge>
        ) : null}
        {actions}
      </div>
    </Card>
  );
}
