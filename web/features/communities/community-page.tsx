import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Community } from "../../../shared/schemas/communities.ts";
import { isApiError } from "../../api/client.ts";
import { useLabels } from "../../i18n/labels.ts";
import { Page, Section } from "../../ui/page.tsx";
import { Badge, EmptyState, ErrorState, Loading, Notice } from "../../ui/states.tsx";
import { CommunityArtifactsSection } from "../artifacts/index.ts";
import { CommunityStudentDataSection } from "../assessments/index.ts";
import { CommunityCyclesSection } from "../cycles/index.ts";
import { CommunityDiscussionsSection } from "../discussions/index.ts";
import { CommunityGoalsSection } from "../goals/index.ts";
import { SharedReflectionsSection } from "../journals/index.ts";
import { CommunityMeetingsSection } from "../meetings/upcoming-meetings.tsx";
import { CommunitySurveysSection } from "../survey-administrations/index.ts";
import { CommunityReflectionsSection } from "../team-reflections/index.ts";
import { communityQuery } from "./api.ts";
import { CommunityActions } from "./community-actions.tsx";
import { JoinRequests } from "./join-requests.tsx";
import { MemberList } from "./member-list.tsx";
import { PendingInvitations } from "./pending-invitations.tsx";
import "./communities.css";

export function CommunityPage({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const query = useQuery(communityQuery(communityId));
  const community = query.data;

  // One <Page> for loading, error and data, so the h1 keeps focus as its text changes.
  return (
    <Page
      title={community?.name ?? (query.isError ? t("community.errorTitle") : t("community.loadingTitle"))}
      eyebrow={
        community ? (
          <span className="cluster">
            <span>{labels.kind(community.kind)}</span>
            {community.archived ? <Badge tone="warning">{t("communities.archived")}</Badge> : null}
          </span>
        ) : null
      }
      lead={community?.purpose ? <p className="pre-line">{community.purpose}</p> : null}
      actions={community ? <CommunityActions community={community} /> : null}
    >
      {community ? (
        <CommunityView community={community} />
      ) : query.isError && isApiError(query.error) && query.error.status === 404 ? (
        <EmptyState title={t("community.notFoundTitle")}>
          <p>{t("community.notFoundBody")}</p>
          <p>
            <Link to="/communities">{t("community.notFoundLink")}</Link>
          </p>
        </EmptyState>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Loading label={t("community.loading")} />
      )}
    </Page>
  );
}

function CommunityView({ community }: { community: Community }) {
  const { t } = useTranslation();
  return (
    <>
      {community.archived ? (
        <Notice tone="warning">
          <p>{t("community.archivedNotice")}</p>
        </Notice>
      ) : null}
      {community.myStatus === "requested" ? (
        <Notice role="status">
          <p>{t("community.requestPendingNotice")}</p>
        </Notice>
      ) : null}
      <div className="community-layout">
        <div className="community-layout__main">
          {canSeeMeetings(community) ? (
            <CommunityMeetingsSection communityId={community.id} canSchedule={community.can.edit} />
          ) : null}
          <CommunityDiscussionsSection communityId={community.id} communityName={community.name} />
          <SharedReflectionsSection communityId={community.id} isMember={community.myStatus === "active"} />
          <CommunityArtifactsSection community={community} />
          <CommunityGoalsSection community={community} />
          <CommunityCyclesSection community={community} />
          <CommunityReflectionsSection communityId={community.id} />
          <CommunitySurveysSection communityId={community.id} />
          <CommunityStudentDataSection community={community} />
          <Section title={t("community.visionAndValues")} id="vision">
            <h3>{t("community.vision")}</h3>
            {community.vision ? (
              <p className="pre-line">{community.vision}</p>
            ) : (
              <p className="muted">
                {community.can.edit ? t("community.noVisionCanEdit") : t("community.noVision")}
              </p>
            )}
            <h3>{t("community.values")}</h3>
            {community.values ? (
              <p className="pre-line">{community.values}</p>
            ) : (
              <p className="muted">
                {community.can.edit ? t("community.noValuesCanEdit") : t("community.noValues")}
              </p>
            )}
          </Section>
          <Section title={t("community.norms")} id="norms">
            {community.norms.length > 0 ? (
              <ol className="norm-list">
                {community.norms.map((norm, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: norms are an ordered list; the position is the identity
                  <li key={index}>{norm}</li>
                ))}
              </ol>
            ) : (
              <p className="muted">
                {community.can.edit ? t("community.noNormsCanEdit") : t("community.noNorms")}
              </p>
            )}
          </Section>
          {community.can.manageMembers && community.requests.length > 0 ? (
            <JoinRequests community={community} />
          ) : null}
          <MemberList community={community} />
          {community.can.invite ? <PendingInvitations community={community} /> : null}
        </div>
        <div className="community-layout__side">
          <About community={community} />
        </div>
      </div>
    </>
  );
}

/** Meetings are for the community's members and its leaders (who may edit it). */
const canSeeMeetings = (c: Community) => c.myStatus === "active" || c.can.edit || c.can.archive;

function TagValues({ values, empty }: { values: readonly string[]; empty: string }) {
  if (values.length === 0) return <span className="muted">{empty}</span>;
  return (
    <ul className="tag-list">
      {values.map((v) => (
        <li key={v}>{v}</li>
      ))}
    </ul>
  );
}

function About({ community }: { community: Community }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Section title={t("community.about")} id="about">
      <dl className="definition-list">
        <dt>{t("community.kind")}</dt>
        <dd>{labels.kind(community.kind)}</dd>
        <dt>{t("community.visibility")}</dt>
        <dd>
          {labels.visibility(community.visibility)}
          <br />
          <span className="muted">
            {community.visibility === "private"
              ? t("visibilityHint.privateShort")
              : t("visibilityHint.organizationShort")}
          </span>
        </dd>
        <dt>{t("community.schools")}</dt>
        <dd>
          <TagValues values={community.schools.map((s) => s.name)} empty={t("community.noneListed")} />
        </dd>
        <dt>{t("community.subjects")}</dt>
        <dd>
          <TagValues values={community.subjects} empty={t("community.noneListed")} />
        </dd>
        <dt>{t("community.gradeBands")}</dt>
        <dd>
          <TagValues values={community.gradeBands.map(labels.gradeBand)} empty={t("community.noneListed")} />
        </dd>
        <dt>{t("community.topics")}</dt>
        <dd>
          <TagValues values={community.topics} empty={t("community.noneListed")} />
        </dd>
      </dl>
    </Section>
  );
}
