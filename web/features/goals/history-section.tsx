import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { editableGoalFields } from "../../../shared/schemas/goals.ts";
import { DateTime } from "../../ui/format.tsx";
import { Section } from "../../ui/page.tsx";
import { QueryView } from "../../ui/states.tsx";
import { type GoalRevision, goalHistoryQuery } from "./api.ts";

// Alignment changes are kept in the history too, beside the edited fields.
const known = [...editableGoalFields, "alignedTo"] as const;
type Field = (typeof known)[number];

/** Who changed what, when: one entry per change, each field from → to, and the reason given. */
export function HistorySection({ goalId }: { goalId: string }) {
  const { t } = useTranslation();
  const query = useQuery(goalHistoryQuery(goalId));
  return (
    <Section title={t("goals.history.title")} id="goal-history">
      <QueryView query={query}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t("goals.history.none")}</p>
          ) : (
            <ol className="goal-history">
              {items.map((r) => (
                <Revision key={r.id} revision={r} />
              ))}
            </ol>
          )
        }
      </QueryView>
    </Section>
  );
}

function Revision({ revision }: { revision: GoalRevision }) {
  const { t } = useTranslation();
  const fields = Object.keys(revision.changes).filter((f): f is Field =>
    (known as readonly string[]).includes(f),
  );
  const name = revision.changedBy.name;
  const label = (f: Field) => t(`goals.history.fields.${f}`);
  const show = (f: Field, v: unknown): string => {
    if (v === null || v === "" || (Array.isArray(v) && v.length === 0)) return t("goals.history.empty");
    if (f === "status") return t(`goals.statuses.${v as "met"}`);
    if (f === "unit") return t(`goals.units.${v as "percent"}`);
    if (f === "ownerId") return "…";
    if (Array.isArray(v)) return v.join(", ");
    return String(v);
  };
  const created = revision.version === 1;
  return (
    <li>
      <p>
        <strong>
          {created
            ? t("goals.history.created", { name })
            : t("goals.history.changed", { name, fields: fields.map(label).join(", ") })}
        </strong>{" "}
        — <DateTime iso={revision.changedAt} />
      </p>
      {created
        ? null
        : fields.map((f) => (
            <p key={f}>
              {t("goals.history.fromTo", {
                field: label(f),
                from: show(f, revision.changes[f]?.from),
                to: show(f, revision.changes[f]?.to),
              })}
            </p>
          ))}
      {revision.reason ? <p>{t("goals.history.reason", { reason: revision.reason })}</p> : null}
    </li>
  );
}
