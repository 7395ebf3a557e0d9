import { useTranslation } from "react-i18next";
import type { ContributionKind } from "../../../shared/protocols/definition.ts";
import type { LiveContribution } from "../../../shared/schemas/live.ts";
import { Button } from "../../ui/button.tsx";
import type { LiveConnection } from "./connection.ts";
import type { LiveView } from "./live-view.ts";
import type { PendingContribution } from "./outbox.ts";
import { composeKinds, groupByKind, type Position } from "./room-model.ts";

interface BoardProps {
  connection: LiveConnection | null;
  view: LiveView;
  position: Position;
  /** The projector shows cards without the "take back" buttons. */
  readOnly?: boolean;
}

/** The step's cards, live, grouped by kind; the viewer's own unsent cards are shown as waiting. */
export function ContributionsBoard({ connection, view, position, readOnly }: BoardProps) {
  const { t } = useTranslation();
  const kinds = composeKinds(position.step.captures);
  const groups = groupByKind(view.contributions, position.item.id, position.stepIndex, kinds);
  const pending = view.pending.filter(
    (p) => p.agendaItemId === position.item.id && p.stepIndex === position.stepIndex,
  );
  const total = groups.reduce((sum, g) => sum + g.items.length, 0) + pending.length;
  return (
    <section className="board" aria-labelledby="board-heading">
      <h2 id="board-heading" className="board__title">
        {t("live.contributions.title")}
      </h2>
      {total === 0 ? <p className="muted">{t("live.contributions.empty")}</p> : null}
      {total > 0
        ? groups
            .filter((g) => g.items.length > 0 || pending.some((p) => p.kind === g.kind))
            .map((group) => (
              <KindGroup
                key={group.kind}
                kind={group.kind}
                items={group.items}
                pending={pending.filter((p) => p.kind === group.kind)}
                onRetract={readOnly || !connection ? undefined : (id) => connection.retract(id)}
              />
            ))
        : null}
    </section>
  );
}

interface KindGroupProps {
  kind: ContributionKind;
  items: readonly LiveContribution[];
  pending: readonly PendingContribution[];
  onRetract: ((id: string) => void) | undefined;
}

function KindGroup({ kind, items, pending, onRetract }: KindGroupProps) {
  const { t } = useTranslation();
  const headingId = `board-${kind}`;
  return (
    <section className={`board__group board__group--${kind}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="board__kind">
        {t(`contributionKinds.${kind}`)}{" "}
        <span className="board__count">({items.length + pending.length})</span>
      </h3>
      <ul className="board__cards">
        {items.map((c) => (
          <li key={c.id} className="contribution-card">
            <p className="contribution-card__body pre-line">{c.body}</p>
            <div className="contribution-card__meta">
              <span>
                {c.author ? c.author.name : t("live.contributions.anonymous")}
                {c.mine ? ` · ${t("live.contributions.mine")}` : ""}
              </span>
              {c.mine && onRetract ? (
                <Button
                  size="small"
                  variant="quiet"
                  onPress={() => onRetract(c.id)}
                  accessibleName={t("live.contributions.retractName", { body: shorten(c.body) })}
                >
                  {t("live.contributions.retract")}
                </Button>
              ) : null}
            </div>
          </li>
        ))}
        {pending.map((p) => (
          <li key={p.clientId} className="contribution-card contribution-card--pending">
            <p className="contribution-card__body pre-line">{p.body}</p>
            <div className="contribution-card__meta">
              <span>{t("live.contributions.pending")}</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
