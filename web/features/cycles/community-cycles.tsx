import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Community } from "../../../shared/schemas/communities.ts";
import { DateTime } from "../../ui/format.tsx";
import { Section } from "../../ui/page.tsx";
import { Badge, ErrorState, Loading } from "../../ui/states.tsx";
import { communityCyclesQuery } from "./api.ts";
import { StartCycleButton } from "./start-cycle.tsx";
import "./cycles.css";

const tone = { active: "info", completed: "success", stopped: "neutral" } as const;

/** The community page's improvement cycles: each with its stage and status; "Start a cycle" for managers. */
export function CommunityCyclesSection({ community }: { community: Community }) {
  const { t } = useTranslation();
  const query = useQuery(communityCyclesQuery(community.id));
  const canStart = community.can.edit;
  return (
    <Section
      title={t("cycles.section.title")}
      id="cycles"
      actions={canStart ? <StartCycleButton communityId={community.id} /> : null}
    >
      <p className="muted">{t("cycles.section.lead")}</p>
      {query.isPending ? (
        <Loading lines={2} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <p>
          {t("cycles.section.empty")}{" "}
          {canStart ? t("cycles.section.emptyManager") : t("cycles.section.emptyReader")}
        </p>
      ) : (
        <ul className="cycle-list">
          {query.data.items.map((cycle) => (
            <li key={cycle.id}>
              <Link to="/cycles/$cycleId" params={{ cycleId: cycle.id }}>
                {cycle.title}
              </Link>{" "}
              <Badge tone={tone[cycle.status]}>{t(`cycles.status.${cycle.status}`)}</Badge>
              <span className="muted">
                {" "}
                {t("cycles.section.stageOf", {
                  stage: cycle.stage,
                  name: t(`cycles.stages.${cycle.stageKey}`),
                })}
                {" · "}
                {t("cycles.section.lastActivity")} <DateTime iso={cycle.lastActivityAt} dateOnly />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
