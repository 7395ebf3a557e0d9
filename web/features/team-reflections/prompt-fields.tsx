import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { promptsOf } from "../../../shared/reflection/team-prompts.ts";
import { localized } from "../../../shared/surveys/definition.ts";
import { DateTime } from "../../ui/format.tsx";
import { Section } from "../../ui/page.tsx";
import { TextAreaField } from "../../ui/text-field.tsx";
import type { TeamReflection } from "./api.ts";
import { ReadOnlyAnswer } from "./standard-fields.tsx";
import { getIn, setIn } from "./use-reflection-form.ts";

type Props = {
  reflection: TeamReflection;
  content: Record<string, unknown>;
  onChange: (next: Record<string, unknown>) => void;
  readOnly: boolean;
};

/** After a meeting or a cycle: the prompts, answered together. */
export function PromptFields({ reflection, content, onChange, readOnly }: Props) {
  const { t, i18n } = useTranslation();
  const prompts = promptsOf(reflection.kind === "cycle" ? "cycle" : "meeting");
  return (
    <Section title={t("teamReflections.promptsTitle")} id="prompts">
      {prompts.map((prompt) => {
        const path = ["answers", prompt.key];
        const value = (getIn(content, path) as string | undefined) ?? "";
        const label = localized(prompt.text, i18n.language);
        return readOnly ? (
          <ReadOnlyAnswer key={prompt.key} label={label} value={value} />
        ) : (
          <TextAreaField
            key={prompt.key}
            label={label}
            description={localized(prompt.hint, i18n.language)}
            name={["content", ...path].join(".")}
            value={value}
            onChange={(next) => onChange(setIn(content, path, next))}
            rows={4}
          />
        );
      })}
    </Section>
  );
}

/** Beside the prompts: the meeting's decisions and action items, or the cycle's stage and decision. */
export function SubjectAside({ reflection }: { reflection: TeamReflection }) {
  if (reflection.meeting) return <MeetingAside meeting={reflection.meeting} />;
  if (reflection.cycle) return <CycleAside cycle={reflection.cycle} />;
  return null;
}

function MeetingAside({ meeting }: { meeting: NonNullable<TeamReflection["meeting"]> }) {
  const { t } = useTranslation();
  return (
    <aside className="team-reflection-aside" aria-labelledby="reflection-minutes">
      <h2 id="reflection-minutes">{t("teamReflections.minutesTitle")}</h2>
      <p className="muted">
        {meeting.title} · <DateTime iso={meeting.startsAt} dateOnly />
      </p>
      <h3>{t("teamReflections.decisions")}</h3>
      {meeting.decisions.length ? (
        <ul>
          {meeting.decisions.map((d) => (
            <li key={d.id}>{d.text}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("teamReflections.noDecisions")}</p>
      )}
      <h3>{t("teamReflections.actionItems")}</h3>
      {meeting.actionItems.length ? (
        <ul>
          {meeting.actionItems.map((a) => (
            <li key={a.id}>
              {a.owner ? t("teamReflections.actionItemLine", { title: a.title, owner: a.owner }) : a.title}
              {a.dueOn ? ` (${t("teamReflections.due", { date: a.dueOn })})` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("teamReflections.noActionItems")}</p>
      )}
      <p>
        <Link to="/meetings/$meetingId/minutes" params={{ meetingId: meeting.id }}>
          {t("teamReflections.openMinutes")}
        </Link>
      </p>
    </aside>
  );
}

function CycleAside({ cycle }: { cycle: NonNullable<TeamReflection["cycle"]> }) {
  const { t } = useTranslation();
  return (
    <aside className="team-reflection-aside" aria-labelledby="reflection-cycle">
      <h2 id="reflection-cycle">{t("teamReflections.cycleTitle")}</h2>
      <p>{cycle.title}</p>
      <p>
        {t("teamReflections.cycleStage", { stage: cycle.stage })} ·{" "}
        {t(`cycles.stages.${cycle.stageKey as "decide"}`)}
      </p>
      <p>
        {cycle.decision
          ? t("teamReflections.cycleDecision", {
              decision: t(`cycles.decision.${cycle.decision as "adopt"}`),
            })
          : t("teamReflections.cycleNoDecision")}
      </p>
      <p>
        <Link to="/cycles/$cycleId" params={{ cycleId: cycle.id }}>
          {t("teamReflections.openCycle")}
        </Link>
      </p>
    </aside>
  );
}
