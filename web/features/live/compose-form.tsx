import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContributionKind } from "../../../shared/protocols/definition.ts";
import { MAX_CONTRIBUTION_LENGTH } from "../../../shared/schemas/live.ts";
import { Button } from "../../ui/button.tsx";
import { RadioGroupField } from "../../ui/choice-fields.tsx";
import { FormContext } from "../../ui/form/form-context.tsx";
import { WarningIcon } from "../../ui/icons.tsx";
import { TextAreaField } from "../../ui/text-field.tsx";
import type { LiveConnection } from "./connection.ts";
import type { LiveView, RejectedContribution } from "./live-view.ts";
import { composeKinds, type Position } from "./room-model.ts";

interface ComposeFormProps {
  connection: LiveConnection;
  view: LiveView;
  position: Position;
}

const formId = "compose-contribution";

/** Adds a card of the kind the step collects (or a note); kept on the device until the server has it. */
export function ComposeForm({ connection, view, position }: ComposeFormProps) {
  const { t } = useTranslation();
  const kinds = composeKinds(position.step.captures);
  const [kind, setKind] = useState<ContributionKind>(kinds[0] ?? "note");
  const [body, setBody] = useState("");
  const [anonymous, setAnonymous] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [added, setAdded] = useState(false);
  const anonymity = position.step.anonymity;
  const stepKey = `${position.item.id}:${position.stepIndex}`;

  // A new step collects another kind: start from it, keep what was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the step changes
  useEffect(() => {
    setKind(kinds[0] ?? "note");
    setAnonymous(false);
  }, [stepKey]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = body.trim();
    if (text.length === 0) return setError(t("live.compose.empty"));
    if (text.length > MAX_CONTRIBUTION_LENGTH)
      return setError(t("live.compose.tooLong", { max: MAX_CONTRIBUTION_LENGTH, count: text.length }));
    setError(undefined);
    connection.contribute({
      agendaItemId: position.item.id,
      stepIndex: position.stepIndex,
      kind,
      body: text,
      anonymous: anonymity === "anonymous" || (anonymity === "optional" && anonymous),
    });
    setBody("");
    setAdded(true);
  };

  const kindLabel = t(`contributionKinds.${kind}`);
  return (
    <section className="compose" aria-labelledby="compose-heading">
      <h2 id="compose-heading" className="compose__title">
        {t("live.compose.title")}
      </h2>
      <FormContext value={{ formId, errors: error ? { body: error } : {} }}>
        <form id={formId} noValidate onSubmit={submit} className="compose__form">
          {kinds.length > 1 ? (
            <RadioGroupField
              label={t("live.compose.kind")}
              name="kind"
              value={kind}
              onChange={(value) => setKind(value as ContributionKind)}
              options={kinds.map((k) => ({ value: k, label: t(`contributionKinds.${k}`) }))}
            />
          ) : null}
          <TextAreaField
            label={t("live.compose.body", { kind: kindLabel.toLowerCase() })}
            name="body"
            value={body}
            onChange={(value) => {
              setBody(value);
              setAdded(false);
              if (error) setError(undefined);
            }}
            rows={3}
            description={t("live.compose.bodyHint", { max: MAX_CONTRIBUTION_LENGTH })}
          />
          {anonymity === "optional" ? (
            <label className="choice">
              <input
                type="checkbox"
                className="choice__input"
                checked={anonymous}
                onChange={(event) => setAnonymous(event.target.checked)}
              />
              <span className="choice__text">{t("live.compose.anonymous")}</span>
            </label>
          ) : (
            <p className="muted compose__signed">
              {anonymity === "anonymous" ? t("live.compose.anonymousForced") : t("live.compose.named")}
            </p>
          )}
          <div className="compose__actions">
            <Button type="submit" variant="primary">
              {t("live.compose.submit")}
            </Button>
            <PendingStatus view={view} added={added} />
          </div>
        </form>
      </FormContext>
      {view.rejected.map((rejected) => (
        <Rejected
          key={rejected.entry.clientId}
          rejected={rejected}
          onEdit={() => {
            setBody(rejected.entry.body);
            connection.dismissRejected(rejected.entry.clientId);
          }}
          onDismiss={() => connection.dismissRejected(rejected.entry.clientId)}
        />
      ))}
    </section>
  );
}

/** Whether the cards written here have reached the server — in words, in a polite live region. */
function PendingStatus({ view, added }: { view: LiveView; added: boolean }) {
  const { t } = useTranslation();
  const count = view.pending.length;
  const message =
    count === 0
      ? added
        ? t("live.compose.added")
        : ""
      : view.status === "live"
        ? t("live.compose.sending")
        : count === 1
          ? t("live.compose.pendingOne")
          : t("live.compose.pendingMany", { count });
  return (
    <p
      className={
        count > 0 && view.status !== "live"
          ? "compose__pending compose__pending--offline"
          : "compose__pending"
      }
      role="status"
    >
      {message}
    </p>
  );
}

interface RejectedProps {
  rejected: RejectedContribution;
  onEdit: () => void;
  onDismiss: () => void;
}

function Rejected({ rejected, onEdit, onDismiss }: RejectedProps) {
  const { t } = useTranslation();
  return (
    <div className="inline-error compose__rejected" role="alert">
      <WarningIcon />
      <div className="stack">
        <p>{t("live.compose.rejected", { reason: rejected.problem.title })}</p>
        <p className="pre-line">{t("live.compose.rejectedText", { body: rejected.entry.body })}</p>
        <div className="cluster">
          <Button size="small" onPress={onEdit}>
            {t("live.compose.editAgain")}
          </Button>
          <Button size="small" variant="quiet" onPress={onDismiss}>
            {t("common.dismiss")}
          </Button>
        </div>
      </div>
    </div>
  );
}
