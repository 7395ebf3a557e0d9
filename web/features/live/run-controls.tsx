import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { LiveCommandName, LiveState } from "../../../shared/schemas/live.ts";
import type { AgendaItem } from "../../../shared/schemas/meetings.ts";
import { Button } from "../../ui/button.tsx";
import { ConfirmDialog } from "../../ui/dialog.tsx";
import { WarningIcon } from "../../ui/icons.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import type { CommandOptions, LiveConnection } from "./connection.ts";
import type { LiveView } from "./live-view.ts";
import { itemTitle, stepsOf } from "./room-model.ts";

interface RunControlsProps {
  connection: LiveConnection;
  view: LiveView;
  state: LiveState;
  agenda: readonly AgendaItem[];
}

/** The facilitator's (or timekeeper's) controls; every command names the state it was issued against. */
export function RunControls({ connection, view, state, agenda }: RunControlsProps) {
  const { t } = useTranslation();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [notConnected, setNotConnected] = useState(false);
  const live = view.status === "live";

  const send = (command: LiveCommandName, extra?: CommandOptions) => {
    const sent = connection.command(command, extra);
    setNotConnected(!sent);
    return sent;
  };
  const busy = (command: LiveCommandName) => view.pendingCommand === command;

  return (
    <section className="run-controls" aria-labelledby="run-controls-heading">
      <h2 id="run-controls-heading" className="run-controls__title">
        {t("live.controls.title")}
      </h2>
      <div className="run-controls__buttons">
        {state.phase === "not_started" ? (
          <Button variant="primary" onPress={() => send("start")} isPending={busy("start")}>
            {t("liveCommands.start")}
          </Button>
        ) : null}
        <Button onPress={() => send("back")} isPending={busy("back")}>
          {t("liveCommands.back")}
        </Button>
        <Button
          variant={state.phase === "not_started" ? "secondary" : "primary"}
          onPress={() => send("next")}
          isPending={busy("next")}
        >
          {t("liveCommands.next")}
        </Button>
        {state.phase === "running" ? (
          <Button onPress={() => send("pause")} isPending={busy("pause")}>
            {t("liveCommands.pause")}
          </Button>
        ) : null}
        {state.phase === "paused" ? (
          <Button variant="primary" onPress={() => send("resume")} isPending={busy("resume")}>
            {t("liveCommands.resume")}
          </Button>
        ) : null}
        <Button onPress={() => send("add_time", { seconds: 60 })}>{t("liveCommands.addOne")}</Button>
        <Button onPress={() => send("add_time", { seconds: 300 })}>{t("liveCommands.addFive")}</Button>
        <Button variant="danger" onPress={() => setConfirmEnd(true)}>
          {t("liveCommands.end")}
        </Button>
      </div>
      <JumpTo
        agenda={agenda}
        state={state}
        onGo={(itemIndex, stepIndex) => send("goto", { itemIndex, stepIndex })}
      />
      {notConnected && !live ? (
        <p className="inline-error" role="alert">
          <WarningIcon />
          <span>{t("live.controls.notConnected")}</span>
        </p>
      ) : null}
      {view.commandProblem ? (
        <div className="inline-error" role="alert">
          <WarningIcon />
          <div>
            <p>{t("live.controls.refused", { reason: view.commandProblem.title })}</p>
            {view.commandProblem.detail ? <p>{view.commandProblem.detail}</p> : null}
          </div>
        </div>
      ) : null}
      <ConfirmDialog
        title={t("live.controls.endTitle")}
        isOpen={confirmEnd}
        onOpenChange={setConfirmEnd}
        confirmLabel={t("live.controls.endConfirm")}
        destructive
        onConfirm={() => {
          if (send("end")) setConfirmEnd(false);
        }}
        error={notConnected ? t("live.controls.notConnected") : null}
      >
        <p>{t("live.controls.endBody")}</p>
      </ConfirmDialog>
    </section>
  );
}

interface JumpToProps {
  agenda: readonly AgendaItem[];
  state: LiveState;
  onGo: (itemIndex: number, stepIndex: number) => void;
}

/** Pick any item and step; the server refuses a step the item doesn't have. */
function JumpTo({ agenda, state, onGo }: JumpToProps) {
  const { t } = useTranslation();
  const [itemIndex, setItemIndex] = useState(state.itemIndex);
  const [stepIndex, setStepIndex] = useState(0);
  const item = agenda[itemIndex];
  const steps = item ? stepsOf(item) : [];
  return (
    <details className="jump-to">
      <summary>{t("liveCommands.goto")}</summary>
      <div className="jump-to__fields">
        <SelectField
          label={t("live.controls.jumpItem")}
          value={String(itemIndex)}
          onChange={(value) => {
            setItemIndex(Number(value));
            setStepIndex(0);
          }}
          options={agenda.map((a, index) => ({
            value: String(index),
            label: `${index + 1}. ${itemTitle(a)}`,
          }))}
        />
        {steps.length > 1 ? (
          <SelectField
            label={t("live.controls.jumpStep")}
            value={String(stepIndex)}
            onChange={(value) => setStepIndex(Number(value))}
            options={steps.map((s, index) => ({ value: String(index), label: `${index + 1}. ${s.title}` }))}
          />
        ) : null}
        <Button onPress={() => onGo(itemIndex, stepIndex)}>{t("live.controls.jumpGo")}</Button>
      </div>
    </details>
  );
}
