import { useTranslation } from "react-i18next";
import type { Community, Member } from "../../../shared/schemas/communities.ts";
import { Button } from "../../ui/button.tsx";
import { DateTime } from "../../ui/format.tsx";
import { Section } from "../../ui/page.tsx";
import { decideJoinRequest } from "./api.ts";
import { useCommunityAction } from "./use-community-action.ts";

/** People who asked to join; a facilitator approves or declines each. */
export function JoinRequests({ community }: { community: Community }) {
  const { t } = useTranslation();
  return (
    <Section title={t("requests.title", { count: community.requests.length })} id="requests">
      <ul className="member-list">
        {community.requests.map((request) => (
          <RequestRow key={request.personId} community={community} request={request} />
        ))}
      </ul>
    </Section>
  );
}

function RequestRow({ community, request }: { community: Community; request: Member }) {
  const { t } = useTranslation();
  const decide = useCommunityAction(
    community.id,
    (approve: boolean) => decideJoinRequest(community.id, request.personId, approve),
    (_c, approve) =>
      approve
        ? t("requests.approved", { person: request.name, community: community.name })
        : t("requests.declined", { person: request.name, community: community.name }),
  );
  const detail = [request.pronouns, request.title].filter(Boolean).join(" · ");
  return (
    <li className="member">
      <div className="member__who">
        <span className="member__name">{request.name}</span>
        {detail ? <span className="member__detail">{detail}</span> : null}
        <span className="member__detail">
          {t("requests.askedOn")} <DateTime iso={request.joinedAt} />
        </span>
      </div>
      <div className="member__actions">
        <Button
          variant="primary"
          size="small"
          onPress={() => decide.mutate(true)}
          isPending={decide.isPending && decide.variables === true}
          isDisabled={decide.isPending}
          accessibleName={t("requests.approveLabel", { person: request.name, community: community.name })}
        >
          {t("requests.approve")}
        </Button>
        <Button
          size="small"
          onPress={() => decide.mutate(false)}
          isPending={decide.isPending && decide.variables === false}
          isDisabled={decide.isPending}
          accessibleName={t("requests.declineLabel", { person: request.name, community: community.name })}
        >
          {t("requests.decline")}
        </Button>
      </div>
    </li>
  );
}
