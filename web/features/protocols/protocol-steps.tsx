import { useTranslation } from "react-i18next";
import type { ProtocolDefinition, ProtocolStep } from "../../../shared/protocols/definition.ts";
import { totalMinutes } from "../../../shared/protocols/definition.ts";
import { Section } from "../../ui/page.tsx";
import { useProtocolLabels } from "./labels.ts";

/** What a protocol is for and how it runs: the overview's body, for the current or any past version. */
export function ProtocolDefinitionView({ definition }: { definition: ProtocolDefinition }) {
  const { t } = useTranslation();
  const labels = useProtocolLabels();
  return (
    <>
      <Section title={t("protocols.about")} id="protocol-about">
        <dl className="definition-list">
          <dt>{t("protocols.purpose")}</dt>
          <dd>{labels.purpose(definition.purpose)}</dd>
          {definition.summary ? (
            <>
              <dt>{t("protocols.summary")}</dt>
              <dd>{definition.summary}</dd>
            </>
          ) : null}
          {definition.whenToUse ? (
            <>
              <dt>{t("protocols.whenToUse")}</dt>
              <dd>{definition.whenToUse}</dd>
            </>
          ) : null}
          <dt>{t("protocols.groupSizeLabel")}</dt>
          <dd>{labels.groupSize(definition.groupSize)}</dd>
          <dt>{t("protocols.roles")}</dt>
          <dd>{labels.roleList(definition.roles)}</dd>
        </dl>
      </Section>
      <Section title={t("protocols.steps")} id="protocol-steps">
        <p className="protocol-total">
          {t("protocols.total", { minutes: labels.minutes(totalMinutes(definition.steps)) })}
        </p>
        <ol className="protocol-steps">
          {definition.steps.map((step, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a saved version's steps never reorder
            <li key={index} className="protocol-step">
              <StepView step={step} number={index + 1} />
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}

function StepView({ step, number }: { step: ProtocolStep; number: number }) {
  const { t } = useTranslation();
  const labels = useProtocolLabels();
  return (
    <>
      <div className="protocol-step__head">
        <h3>{t("protocols.stepHeading", { number, title: step.title })}</h3>
        <span className="protocol-step__minutes">{labels.minutes(step.minutes)}</span>
      </div>
      {step.instructions ? <p>{step.instructions}</p> : null}
      <dl className="definition-list">
        <dt>{t("protocols.speakers")}</dt>
        <dd>{step.speakers.length ? labels.roleList(step.speakers) : t("protocols.nobody")}</dd>
        {step.silent.length ? (
          <>
            <dt>{t("protocols.silent")}</dt>
            <dd>{labels.roleList(step.silent)}</dd>
          </>
        ) : null}
        <dt>{t("protocols.captures")}</dt>
        <dd>{labels.capture(step.captures)}</dd>
        {step.captures !== "nothing" ? (
          <>
            <dt>{t("protocols.anonymity")}</dt>
            <dd>{labels.anonymity(step.anonymity)}</dd>
          </>
        ) : null}
      </dl>
      {step.prompts.length ? (
        <div>
          <h4 className="protocol-step__prompts-title">{t("protocols.prompts")}</h4>
          <ul className="protocol-step__prompts">
            {step.prompts.map((prompt, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: prompts may repeat; a saved list never reorders
              <li key={i}>{prompt}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
