import { useTranslation } from "react-i18next";
import type { LiveState } from "../../../shared/schemas/live.ts";
import type { AgendaItem } from "../../../shared/schemas/meetings.ts";
import { itemTitle, progressOf, stepsOf } from "./room-model.ts";

type StepStatus = "done" | "current" | "upcoming";

function statusOf(state: LiveState | null, itemIndex: number, stepIndex: number): StepStatus {
  if (!state) return "upcoming";
  if (state.phase === "ended") return "done";
  if (itemIndex < state.itemIndex || (itemIndex === state.itemIndex && stepIndex < state.stepIndex))
    return "done";
  return itemIndex === state.itemIndex && stepIndex === state.stepIndex ? "current" : "upcoming";
}

/** The whole agenda with each step marked done / now / coming up (in words, not only by style). */
export function AgendaOutline({ agenda, state }: { agenda: readonly AgendaItem[]; state: LiveState | null }) {
  const { t } = useTranslation();
  const progress = progressOf(agenda, state);
  return (
    <section className="outline" aria-labelledby="outline-heading">
      <h2 id="outline-heading" className="outline__title">
        {t("live.agenda.title")}
      </h2>
      <progress
        className="outline__progress"
        max={Math.max(1, progress.total)}
        value={progress.done}
        aria-labelledby="outline-progress"
      />
      <p id="outline-progress" className="muted">
        {t("live.agenda.progress", progress)}
      </p>
      <ol className="outline__items">
        {agenda.map((item, itemIndex) => {
          const steps = stepsOf(item);
          return (
            <li key={item.id} className="outline__item">
              <span className="outline__item-title">{itemTitle(item)}</span>
              {steps.length > 1 || item.protocol ? (
                <ol className="outline__steps">
                  {steps.map((step, stepIndex) => {
                    const status = statusOf(state, itemIndex, stepIndex);
                    return (
                      <li
                        // biome-ignore lint/suspicious/noArrayIndexKey: steps are positional
                        key={stepIndex}
                        className={`outline__step outline__step--${status}`}
                        aria-current={status === "current" ? "step" : undefined}
                      >
                        <span className="outline__marker">{t(`live.agenda.${status}`)}</span>
                        <span>
                          {step.title}
                          <span className="muted">
                            {" "}
                            · {t("live.agenda.minutes", { count: step.minutes })}
                          </span>
                        </span>
                      </li>
                    );
                  })}
                </ol>
              ) : (
                <p
                  className={`outline__step outline__step--${statusOf(state, itemIndex, 0)}`}
                  aria-current={statusOf(state, itemIndex, 0) === "current" ? "step" : undefined}
                >
                  <span className="outline__marker">{t(`live.agenda.${statusOf(state, itemIndex, 0)}`)}</span>
                  <span className="muted">{t("live.agenda.minutes", { count: item.minutes })}</span>
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
