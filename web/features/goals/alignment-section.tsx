import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { levelAbove } from "../../../shared/schemas/goal-enums.ts";
import type { GoalRef } from "../../../shared/schemas/goals.ts";
import { alignmentsInputSchema } from "../../../shared/schemas/goals.ts";
import { Button } from "../../ui/button.tsx";
import { CheckboxGroupField } from "../../ui/choice-fields.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Section } from "../../ui/page.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { type GoalDetail, goalListQuery, setAlignments } from "./api.ts";
import { StatusBadge } from "./labels.tsx";
import { useRefreshGoal } from "./refresh.ts";

function RefList({ goals, empty }: { goals: GoalRef[]; empty: string }) {
  const { t } = useTranslation();
  if (goals.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul>
      {goals.map((g) => (
        <li key={g.id}>
          <Link to="/goals/$goalId" params={{ goalId: g.id }}>
            {g.title}
          </Link>{" "}
          <span className="muted">
            ({t(`goals.levels.${g.level}`)}
            {g.placeName ? `, ${g.placeName}` : ""})
          </span>{" "}
          <StatusBadge status={g.status} />
        </li>
      ))}
    </ul>
  );
}

/** What this goal serves (one level up), what serves it, and — for its editors — the choice of the first. */
export function AlignmentSection({ goal }: { goal: GoalDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const above = levelAbove(goal.level);
  return (
    <Section title={t("goals.alignment.title")} id="goal-alignment">
      <h3>{t("goals.alignment.alignedTo")}</h3>
      <RefList
        goals={goal.alignedTo}
        empty={above ? t("goals.alignment.alignedToNone") : t("goals.alignment.alignedToNoneTop")}
      />
      {goal.can.align && above && !editing ? (
        <div className="cluster">
          <Button variant="secondary" onPress={() => setEditing(true)}>
            {t("goals.alignment.edit")}
          </Button>
        </div>
      ) : null}
      {editing && above ? (
        <AlignmentEditor goal={goal} level={above} onDone={() => setEditing(false)} />
      ) : null}
      {goal.level !== "community" ? (
        <>
          <h3>{t("goals.alignment.alignedFrom")}</h3>
          <RefList goals={goal.alignedFrom} empty={t("goals.alignment.alignedFromNone")} />
        </>
      ) : null}
    </Section>
  );
}

function AlignmentEditor({
  goal,
  level,
  onDone,
}: {
  goal: GoalDetail;
  level: NonNullable<ReturnType<typeof levelAbove>>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const refresh = useRefreshGoal(goal.id);
  const candidates = useQuery(goalListQuery({ level }));
  const [chosen, setChosen] = useState<string[]>(goal.alignedTo.map((g) => g.id));
  const [search, setSearch] = useState("");
  const form = useFormSubmit({
    schema: alignmentsInputSchema,
    send: (data) => setAlignments(goal.id, data.alignedToIds),
    onSuccess: () => {
      toast.success(t("goals.alignment.saved"));
      refresh();
      onDone();
    },
  });
  const levelName = t(`goals.levels.${level}`);
  const needle = search.trim().toLowerCase();
  const all = candidates.data?.items ?? [];
  // A chosen goal stays in the list whatever the search, so a choice is never hidden.
  const shown = all.filter(
    (g) =>
      chosen.includes(g.id) ||
      needle === "" ||
      `${g.title} ${g.school?.name ?? ""} ${g.community?.name ?? ""}`.toLowerCase().includes(needle),
  );
  return (
    <Form
      id="goal-alignment-form"
      form={form}
      onSubmit={() => form.submit({ alignedToIds: chosen })}
      className="form"
    >
      <TextField label={t("goals.alignment.search")} type="search" value={search} onChange={setSearch} />
      {all.length === 0 && !candidates.isPending ? (
        <p>{t("goals.alignment.noCandidates", { level: levelName.toLowerCase() })}</p>
      ) : (
        <div className="goal-candidates">
          <CheckboxGroupField
            label={t("goals.alignment.pick", { level: levelName })}
            name="alignedToIds"
            value={chosen}
            onChange={setChosen}
            options={shown.map((g) => ({
              value: g.id,
              label: g.title,
              description: [g.school?.name ?? g.community?.name, t(`goals.statuses.${g.status}`)]
                .filter(Boolean)
                .join(" · "),
            }))}
          />
          {shown.length === 0 ? <p>{t("goals.alignment.noMatch")}</p> : null}
        </div>
      )}
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("goals.alignment.save")}
        </Button>
        <Button variant="quiet" onPress={onDone}>
          {t("goals.form.cancel")}
        </Button>
      </FormActions>
    </Form>
  );
}
