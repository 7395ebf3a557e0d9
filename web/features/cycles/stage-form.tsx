import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { type StageDetails, stageDetailSchemas, stageInputSchema } from "../../../shared/schemas/cycles.ts";
import type { CycleStage } from "../../../shared/schemas/goal-enums.ts";
import { Button } from "../../ui/button.tsx";
import { CheckboxGroupField } from "../../ui/choice-fields.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { NativeField } from "../../ui/native-field.tsx";
import { TextAreaField, TextField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { communityQuery } from "../communities/api.ts";
import { type Cycle, cycleKeys, rememberCycle, type StageRecord, saveStage } from "./api.ts";
import { CalendarDate } from "./calendar-date.tsx";

type FieldKind = "long" | "short" | "date" | "people";
/** Each stage's own fields, in the order the team fills them in. */
export const stageFields: Record<CycleStage, [key: string, kind: FieldKind, hint?: boolean][]> = {
  identify_needs: [
    ["studentNeeds", "long"],
    ["educatorNeeds", "long"],
    ["evidenceReviewed", "long"],
  ],
  set_goal: [["why", "long"]],
  professional_learning: [
    ["learningNeeds", "long"],
    ["approach", "long", true],
  ],
  plan_strategy: [
    ["strategy", "long"],
    ["who", "people"],
    ["what", "long"],
    ["classes", "short"],
    ["from", "date"],
    ["to", "date"],
  ],
  collect_evidence: [["summary", "long", true]],
  evaluate_results: [["findings", "long"]],
  decide: [],
};

type Values = Record<string, string | string[]>;

function initial(record: StageRecord): Values {
  const values: Values = {};
  for (const [key, kind] of stageFields[record.key]) {
    const stored = record.details[key];
    values[key] =
      kind === "people" ? (Array.isArray(stored) ? stored.map(String) : []) : String(stored ?? "");
  }
  return values;
}

/** The stage's notes and fields, with "Save stage" (members and facilitators while the cycle runs). */
export function StageForm({ cycle, record }: { cycle: Cycle; record: StageRecord }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [notes, setNotes] = useState(record.notes);
  const [values, setValues] = useState<Values>(() => initial(record));
  const needsPeople = record.key === "plan_strategy";
  const community = useQuery({ ...communityQuery(cycle.communityId), enabled: needsPeople });
  const schema = stageInputSchema.extend({
    version: z.number(),
    details: stageDetailSchemas[record.key] as z.ZodType<StageDetails[CycleStage]>,
  });
  const form = useFormSubmit({
    schema,
    send: (data) => saveStage(cycle.id, record.stage, data),
    onSuccess: (saved) => {
      rememberCycle(queryClient, saved);
      toast.success(t("cycles.stage.saved"));
    },
  });
  const details = Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      value === "" && (key === "from" || key === "to") ? null : value,
    ]),
  );
  const set = (key: string) => (value: string | string[]) => setValues((v) => ({ ...v, [key]: value }));
  return (
    <Form
      id={`stage-${record.stage}`}
      form={form}
      onSubmit={() => form.submit({ version: cycle.version, notes, details })}
    >
      {stageFields[record.key].map(([key, kind, hint]) => {
        const label = t(`cycles.fields.${key}` as "cycles.fields.why");
        const description = hint ? t(`cycles.fields.${key}Hint` as "cycles.fields.approachHint") : undefined;
        const name = `details.${key}`;
        const value = values[key] ?? "";
        if (kind === "people")
          return (
            <CheckboxGroupField
              key={key}
              label={label}
              name={name}
              value={Array.isArray(value) ? value : []}
              onChange={set(key)}
              options={(community.data?.members ?? []).map((m) => ({ value: m.personId, label: m.name }))}
            />
          );
        if (kind === "date")
          return (
            <NativeField
              key={key}
              type="date"
              label={label}
              name={name}
              value={String(value)}
              onChange={set(key)}
            />
          );
        if (kind === "short")
          return <TextField key={key} label={label} name={name} value={String(value)} onChange={set(key)} />;
        return (
          <TextAreaField
            key={key}
            label={label}
            name={name}
            description={description}
            value={String(value)}
            onChange={set(key)}
            rows={3}
          />
        );
      })}
      <TextAreaField
        label={t("cycles.stage.notes")}
        name="notes"
        description={t("cycles.stage.notesHint")}
        value={notes}
        onChange={setNotes}
        rows={4}
      />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("cycles.stage.save")}
        </Button>
        {form.errors.version ? (
          <Button
            variant="secondary"
            onPress={() => void queryClient.invalidateQueries({ queryKey: cycleKeys.one(cycle.id) })}
          >
            {t("cycles.stage.reload")}
          </Button>
        ) : null}
      </FormActions>
    </Form>
  );
}

/** What a stage recorded, for readers (and for stages of a finished cycle). */
export function StageReadOnly({ record, communityId }: { record: StageRecord; communityId: string }) {
  const { t } = useTranslation();
  const fields = stageFields[record.key].filter(([key]) => {
    const v = record.details[key];
    return Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== "";
  });
  if (fields.length === 0 && !record.notes) return <p className="muted">{t("cycles.report.none")}</p>;
  return (
    <dl className="cycle-fields">
      {fields.map(([key, kind]) => (
        <div key={key}>
          <dt>{t(`cycles.fields.${key}` as "cycles.fields.why")}</dt>
          <dd className="pre-line">
            {kind === "date" ? (
              <CalendarDate date={String(record.details[key])} />
            ) : kind === "people" ? (
              <PeopleNames ids={record.details[key] as string[]} communityId={communityId} />
            ) : (
              String(record.details[key])
            )}
          </dd>
        </div>
      ))}
      {record.notes ? (
        <div>
          <dt>{t("cycles.stage.notes")}</dt>
          <dd className="pre-line">{record.notes}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The plan's people by name (people who have since left the community are not named). */
function PeopleNames({ ids, communityId }: { ids: string[]; communityId: string }) {
  const community = useQuery(communityQuery(communityId));
  const names = new Map((community.data?.members ?? []).map((m) => [m.personId, m.name]));
  return (
    <>
      {ids
        .map((id) => names.get(id))
        .filter(Boolean)
        .join(", ")}
    </>
  );
}
