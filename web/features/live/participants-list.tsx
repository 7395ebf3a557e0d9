import { useTranslation } from "react-i18next";
import type { LiveParticipant } from "../../../shared/schemas/live.ts";

/** Who has the room open right now, with their roles for this meeting and item. */
export function ParticipantsList({
  participants,
  youId,
}: {
  participants: readonly LiveParticipant[];
  youId: string | null;
}) {
  const { t } = useTranslation();
  const others = participants.filter((p) => p.personId !== youId);
  return (
    <section className="participants" aria-labelledby="participants-heading">
      <h2 id="participants-heading" className="participants__title">
        {t("live.participants.title")}{" "}
        <span className="participants__count">
          {t("live.participants.count", { count: participants.length })}
        </span>
      </h2>
      {others.length === 0 ? <p className="muted">{t("live.participants.empty")}</p> : null}
      <ul className="participants__list">
        {participants.map((p) => (
          <li key={p.personId} className="participants__person">
            <span>
              {p.name}
              {p.personId === youId ? ` ${t("live.participants.you")}` : ""}
            </span>
            {p.roles.length > 0 ? (
              <span className="participants__roles">
                {[...p.roles]
                  .sort(
                    (a, b) =>
                      (knownRoles as readonly string[]).indexOf(a) -
                      (knownRoles as readonly string[]).indexOf(b),
                  )
                  .map((role) => (isKnownRole(role) ? t(`live.roles.${role}`) : role))
                  .join(", ")}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

const knownRoles = ["facilitator", "presenter", "timekeeper", "note_taker"] as const;
type KnownRole = (typeof knownRoles)[number];

function isKnownRole(role: string): role is KnownRole {
  return (knownRoles as readonly string[]).includes(role);
}
