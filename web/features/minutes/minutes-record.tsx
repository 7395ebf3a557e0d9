import { useTranslation } from "react-i18next";
import type { MinutesContribution, MinutesItem, MinutesRecord } from "../../../shared/schemas/minutes.ts";
import { Section } from "../../ui/page.tsx";

function Contribution({ c }: { c: MinutesContribution }) {
  const { t } = useTranslation();
  return (
    <li className="contribution">
      <p className="contribution__byline">
        {t("minutes.byline", {
          kind: t(`contributionKinds.${c.kind}`),
          author: c.author ?? t("minutes.anonymous"),
        })}
      </p>
      {/* Text people typed, shown as text (React escapes it): never as HTML. */}
      <p className="pre-line contribution__body">{c.body}</p>
    </li>
  );
}

function Item({ item, index }: { item: MinutesItem; index: number }) {
  const { t } = useTranslation();
  return (
    <li className="minutes-item">
      <h3 className="minutes-item__title">
        {index + 1}. {item.title}
      </h3>
      <p className="muted">
        {t("minutes.itemFacts", { kind: t(`agendaItemKinds.${item.kind}`), minutes: item.minutes })}
        {item.protocol ? ` · ${t("minutes.protocol", item.protocol)}` : ""}
        {item.presenter ? ` · ${t("minutes.presenter", { name: item.presenter.name })}` : ""}
      </p>
      {item.focusingQuestion ? (
        <p>
          <strong>{t("minutes.focusingQuestion")}:</strong> {item.focusingQuestion}
        </p>
      ) : null}
      {item.material ? (
        <p className="pre-line">
          <strong>{t("minutes.material")}:</strong> {item.material}
        </p>
      ) : null}
      {/^https?:\/\//i.test(item.materialUrl) ? (
        <p>
          <a href={item.materialUrl} rel="noopener noreferrer" target="_blank">
            {t("minutes.materialLink")}
          </a>
        </p>
      ) : null}
      {item.steps.map((step) => (
        <div key={step.index} className="minutes-step">
          <h4>{t("minutes.stepHeading", { title: step.title, minutes: step.minutes })}</h4>
          {step.contributions.length > 0 ? (
            <ul className="contributions">
              {step.contributions.map((c) => (
                <Contribution key={c.id} c={c} />
              ))}
            </ul>
          ) : step.captures !== "nothing" ? (
            <p className="muted">{t("minutes.noContributions")}</p>
          ) : null}
        </div>
      ))}
      {item.contributions.length > 0 ? (
        <ul className="contributions">
          {item.contributions.map((c) => (
            <Contribution key={c.id} c={c} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The agenda as it ran: items → protocol steps → contributions. */
export function AgendaSection({ record }: { record: MinutesRecord }) {
  const { t } = useTranslation();
  return (
    <Section title={t("minutes.agenda")} id="agenda">
      {record.items.length === 0 ? (
        <p className="muted">{t("minutes.noItems")}</p>
      ) : (
        <ol className="minutes-items">
          {record.items.map((item, index) => (
            <Item key={item.id} item={item} index={index} />
          ))}
        </ol>
      )}
    </Section>
  );
}

/** The shared notes, as plain text (never rendered as HTML). */
export function NotesSection({ record }: { record: MinutesRecord }) {
  const { t } = useTranslation();
  return (
    <Section title={t("minutes.notes")} id="notes">
      {record.notes.trim() ? (
        <div className="pre-line minutes-notes">{record.notes}</div>
      ) : (
        <p className="muted">{t("minutes.notesEmpty")}</p>
      )}
    </Section>
  );
}
