import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { schoolYearLabel, schoolYearOf } from "../../../shared/schemas/learning-plans.ts";
import { Button } from "../../ui/button.tsx";
import { ModalDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Section } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { planKeys, planQuery } from "../learning-plans/index.ts";
import { addEntryToPlan, type JournalEntry, journalKeys } from "./api.ts";

const NEW = "new";

/** "Add to my learning plan": a reflection activity under a learning goal of the entry's school year. */
export function AddToPlan({ entry }: { entry: JournalEntry }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const year = schoolYearOf(entry.writtenOn);
  const [open, setOpen] = useState(false);
  const plan = useQuery({ ...planQuery(year), enabled: open });
  const goals = plan.data?.goals ?? [];
  const [choice, setChoice] = useState("");
  const [title, setTitle] = useState("");
  const chosen = choice || (goals[0]?.id ?? NEW);
  const add = useMutation({
    mutationFn: () =>
      addEntryToPlan(entry.id, chosen === NEW ? { newGoalTitle: title } : { learningGoalId: chosen }),
    onSuccess: (saved) => {
      queryClient.setQueryData(planKeys.year(year), saved);
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
      void queryClient.invalidateQueries({ queryKey: journalKeys.one(entry.id) });
      setOpen(false);
      toast.success(t("journal.addedToast"));
    },
  });
  const label = schoolYearLabel(year);
  return (
    <Section title={t("journal.planTitle")} id="plan">
      {entry.inLearningPlan ? (
        <p>
          {t("journal.inPlan", { year: schoolYearLabel(entry.inLearningPlan.schoolYear) })}{" "}
          <Link to="/learning-plan" search={{ year: entry.inLearningPlan.schoolYear }}>
            {t("journal.openPlan")}
          </Link>
        </p>
      ) : (
        <Button variant="secondary" onPress={() => setOpen(true)}>
          {t("journal.addToPlan")}
        </Button>
      )}
      <ModalDialog title={t("journal.addToPlanTitle")} isOpen={open} onOpenChange={setOpen}>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <p>{t("journal.addToPlanLead", { year: label })}</p>
          <SelectField
            label={t("journal.learningGoal")}
            name="learningGoalId"
            value={chosen}
            options={[
              ...goals.map((g) => ({ value: g.id, label: g.title })),
              { value: NEW, label: t("journal.newGoal") },
            ]}
            onChange={setChoice}
          />
          {chosen === NEW ? (
            <TextField
              label={t("journal.newGoalTitle")}
              name="newGoalTitle"
              value={title}
              onChange={setTitle}
              description={t("journal.newGoalHint")}
            />
          ) : null}
          {add.isError ? (
            <p className="inline-error" role="alert">
              {describeError(add.error, t)}
            </p>
          ) : null}
          <div className="form__actions">
            <Button type="submit" variant="primary" isPending={add.isPending}>
              {t("journal.add")}
            </Button>
          </div>
        </form>
      </ModalDialog>
    </Section>
  );
}
