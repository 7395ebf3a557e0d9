import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { reflectionListQuery } from "./api.ts";
import { StartReflectionButton } from "./start-button.tsx";

type Subject = { kind: "meeting"; meetingId: string } | { kind: "cycle"; cycleId: string };

/**
 * "Reflect on this meeting" / "Reflect on this cycle" for the team's writers (it opens the one reflection
 * when it exists); a link to that reflection for its other readers; nothing for anyone else.
 */
export function ReflectOn({ communityId, subject }: { communityId: string; subject: Subject }) {
  const { t } = useTranslation();
  const list = useQuery(reflectionListQuery(communityId));
  if (!list.data) return null;
  const existing = list.data.items.find((r) =>
    subject.kind === "meeting" ? r.meetingId === subject.meetingId : r.cycleId === subject.cycleId,
  );
  const label =
    subject.kind === "meeting" ? t("teamReflections.reflectOnMeeting") : t("teamReflections.reflectOnCycle");
  if (list.data.can.create)
    return <StartReflectionButton communityId={communityId} input={subject} label={label} />;
  if (!existing) return null;
  return (
    <Link to="/team-reflections/$reflectionId" params={{ reflectionId: existing.id }}>
      {label}
    </Link>
  );
}
