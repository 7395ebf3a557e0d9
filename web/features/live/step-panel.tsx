import { useTranslation } from "react-i18next";
import type { ProtocolRole } from "../../../shared/protocols/definition.ts";
import type { LiveParticipant, LiveState } from "../../../shared/schemas/live.ts";
import { Countdown } from "./countdown.tsx";
import { itemTitle, type Position, peopleInRole } from "./room-model.ts";

interface StepPanelProps {
  position: Position;
  agendaLength: number;
  state: LiveState;
  ms: number;
  participants: readonly LiveParticipant[];
}

/** The current agenda item and step: what happens now, who talks, who listens, and the clock. */
export function StepPanel({ position, agendaLength, state, ms, participants }: StepPanelProps) {
  const { t } = useTranslation();
  const { item, step, steps } = position;
  return (
    <section className="step-panel" aria-labelledby="current-step-heading">
      <div className="step-panel__top">
        <div className="step-panel__titles">
          <p className="step-panel__item">
            <span>{t("live.item", { number: position.itemIndex + 1, count: agendaLength })}</span>
            <span aria-hidden="true"> · </span>
            <span>{itemTitle(item)}</span>
          </p>
          <h2 id="current-step-heading" className="step-panel__title">
            {step.title}
          </h2>
          {steps.length > 1 ? (
            <p className="step-panel__count">
              {t("live.step", { number: position.stepIndex + 1, count: steps.length })}
            </p>
          ) : null}
        </div>
        <Countdown state={state} ms={ms} />
      </div>
      {item.presenter ? <p className="muted">{t("live.presenter", { name: item.presenter.name })}</p> : null}
      {item.focusingQuestion ? (
        <div className="step-panel__question">
          <h3>{t("live.focusingQuestion")}</h3>
          <p className="pre-line">{item.focusingQuestion}</p>
        </div>
      ) : null}
      {step.instructions ? <p className="step-panel__instructions pre-line">{step.instructions}</p> : null}
      <Roles speakers={step.speakers} silent={step.silent} participants={participants} />
      {step.prompts.length > 0 ? (
        <div className="step-panel__prompts">
          <h3>{t("live.prompts")}</h3>
          <ul>
            {step.prompts.map((prompt) => (
              <li key={prompt}>{prompt}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {item.materialUrl ? (
        <p>
          <a href={item.materialUrl} target="_blank" rel="noreferrer noopener">
            {t("live.material")}
          </a>
        </p>
      ) : null}
    </section>
  );
}

interface RolesProps {
  speakers: readonly ProtocolRole[];
  silent: readonly ProtocolRole[];
  participants: readonly LiveParticipant[];
}

/** "Who speaks: Participants" / "Who stays silent: Presenter (Ana Ruiz) — listen silently and take notes". */
export function Roles({ speakers, silent, participants }: RolesProps) {
  const { t } = useTranslation();
  if (speakers.length === 0 && silent.length === 0) return null;
  const describe = (role: ProtocolRole) => {
    const label = t(`live.roles.${role}`);
    const people = role === "participants" ? [] : peopleInRole(role, participants);
    return people.length > 0
      ? t("live.roleWithPeople", { role: label, people: people.map((p) => p.name).join(", ") })
      : label;
  };
  return (
    <dl className="step-roles">
      {speakers.length > 0 ? (
        <div className="step-roles__group step-roles__group--speak">
          <dt>{t("live.whoSpeaks")}</dt>
          {speakers.map((role) => (
            <dd key={role}>{describe(role)}</dd>
          ))}
        </div>
      ) : null}
      {silent.length > 0 ? (
        <div className="step-roles__group step-roles__group--silent">
          <dt>{t("live.whoIsSilent")}</dt>
          {silent.map((role) => (
            <dd key={role}>
              {describe(role)}: {t("live.silentNote")}
            </dd>
          ))}
        </div>
      ) : null}
    </dl>
  );
}
