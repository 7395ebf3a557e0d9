import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../ui/format.tsx";
import type { Cycle } from "./api.ts";

/**
 * Where the team is: the seven stages as an ordered list. The current stage says so in words and carries
 * aria-current="step"; each reached stage links to its panel and shows when it started and ended.
 */
export function CycleTimeline({ cycle, shown }: { cycle: Cycle; shown: number }) {
  const { t } = useTranslation();
  return (
    <nav aria-labelledby="cycle-timeline-heading" className="cycle-timeline">
      <h2 id="cycle-timeline-heading" className="section__title">
        {t("cycles.timeline.title")}
      </h2>
      <ol aria-label={t("cycles.timeline.label")}>
        {cycle.stages.map((s) => {
          const name = t(`cycles.stages.${s.key}`);
          const current = cycle.status === "active" && s.stage === cycle.stage;
          const reached = s.stage <= cycle.stage;
          const state = current
            ? t("cycles.timeline.current")
            : s.completedAt || (reached && cycle.status === "completed")
              ? t("cycles.timeline.done")
              : reached
                ? ""
                : t("cycles.timeline.notYet");
          return (
            <li
              key={s.stage}
              aria-current={current ? "step" : undefined}
              className={`cycle-timeline__stage${current ? " is-current" : ""}${reached ? " is-reached" : ""}${s.stage === shown ? " is-shown" : ""}`}
            >
              <span className="cycle-timeline__number" aria-hidden="true">
                {s.stage}
              </span>
              <span className="cycle-timeline__body">
                {reached ? (
                  <Link
                    to="/cycles/$cycleId"
                    params={{ cycleId: cycle.id }}
                    search={{ stage: s.stage }}
                    aria-label={t("cycles.timeline.show", { stage: s.stage, name })}
                  >
                    {name}
                  </Link>
                ) : (
                  <span>{name}</span>
                )}
                {state ? <strong className="cycle-timeline__state">{state}</strong> : null}
                {s.enteredAt ? (
                  <span className="muted cycle-timeline__dates">
                    {t("cycles.timeline.entered")} <DateTime iso={s.enteredAt} dateOnly />
                    {s.completedAt ? (
                      <>
                        {" · "}
                        {t("cycles.timeline.completed")} <DateTime iso={s.completedAt} dateOnly />
                      </>
                    ) : null}
                  </span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
