import { useTranslation } from "react-i18next";
import { type GoalLevel, goalStatuses, goalUnits } from "../../../shared/schemas/goal-enums.ts";
import { NativeField } from "../../ui/native-field.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { TextAreaField, TextField } from "../../ui/text-field.tsx";

/** The editable fields of a goal as the form holds them (numbers as typed). */
export type GoalDraft = {
  title: string;
  improvement: string;
  population: string;
  measure: string;
  unit: string;
  baseline: string;
  target: string;
  startsOn: string;
  deadline: string;
  status: string;
  source: string;
  sourceUrl: string;
  /** Chosen at creation (blank: the person creating it). */
  ownerId: string;
};

export const emptyDraft: GoalDraft = {
  title: "",
  improvement: "",
  population: "",
  measure: "",
  unit: "",
  baseline: "",
  target: "",
  startsOn: "",
  deadline: "",
  status: "not_started",
  source: "",
  sourceUrl: "",
  ownerId: "",
};

/** A typed number, a blank as null; anything else is passed on for the schema to name ("Enter a number."). */
const numberOf = (v: string) => (v.trim() === "" ? null : Number.isFinite(Number(v)) ? Number(v) : v);

/** The draft as the API takes it; reference goals send only their text, source and link. */
export function draftValues(draft: GoalDraft, reference: boolean) {
  if (reference) return { title: draft.title, source: draft.source, sourceUrl: draft.sourceUrl };
  return {
    title: draft.title,
    improvement: draft.improvement,
    population: draft.population,
    measure: draft.measure,
    unit: draft.unit || null,
    baseline: numberOf(draft.baseline),
    target: numberOf(draft.target),
    startsOn: draft.startsOn || null,
    deadline: draft.deadline || null,
    source: draft.source,
    sourceUrl: draft.sourceUrl,
  };
}

interface Props {
  level: GoalLevel;
  draft: GoalDraft;
  onChange: (draft: GoalDraft) => void;
  /** Status is chosen at creation; an edit changes it with "Change status" and a reason. */
  withStatus: boolean;
  /** Who may own it (creation only; omitted: no owner field). */
  ownerOptions?: { value: string; label: string }[];
}

/** Every SMART field (or, for a state or national goal, its text, source and link). */
export function GoalFields({ level, draft, onChange, withStatus, ownerOptions }: Props) {
  const { t } = useTranslation();
  const set = (key: keyof GoalDraft) => (value: string) => onChange({ ...draft, [key]: value });
  const reference = level === "national" || level === "state";
  return (
    <>
      <TextField label={t("goals.form.title")} name="title" value={draft.title} onChange={set("title")} />
      {reference ? (
        <>
          <p>{t("goals.form.referenceNote")}</p>
          <TextField
            label={t("goals.form.source")}
            name="source"
            value={draft.source}
            onChange={set("source")}
            description={t("goals.form.sourceHint")}
          />
        </>
      ) : (
        <>
          <TextAreaField
            label={t("goals.form.improvement")}
            name="improvement"
            value={draft.improvement}
            onChange={set("improvement")}
          />
          <TextField
            label={t("goals.form.population")}
            name="population"
            value={draft.population}
            onChange={set("population")}
          />
          <TextField
            label={t("goals.form.measure")}
            name="measure"
            value={draft.measure}
            onChange={set("measure")}
          />
          <SelectField
            label={t("goals.form.unit")}
            name="unit"
            value={draft.unit}
            onChange={set("unit")}
            placeholder={t("goals.form.unitPlaceholder")}
            options={goalUnits.map((u) => ({ value: u, label: t(`goals.units.${u}`) }))}
          />
          <NativeField
            type="number"
            label={t("goals.form.baseline")}
            name="baseline"
            value={draft.baseline}
            onChange={set("baseline")}
            description={t("goals.form.baselineHint")}
          />
          <NativeField
            type="number"
            label={t("goals.form.target")}
            name="target"
            value={draft.target}
            onChange={set("target")}
            description={t("goals.form.targetHint")}
          />
          <NativeField
            type="date"
            label={t("goals.form.startsOn")}
            name="startsOn"
            value={draft.startsOn}
            onChange={set("startsOn")}
          />
          <NativeField
            type="date"
            label={t("goals.form.deadline")}
            name="deadline"
            value={draft.deadline}
            onChange={set("deadline")}
          />
        </>
      )}
      <TextField
        label={t("goals.form.sourceUrl")}
        name="sourceUrl"
        value={draft.sourceUrl}
        onChange={set("sourceUrl")}
        description={t("goals.form.sourceUrlHint")}
      />
      {ownerOptions && !reference ? (
        <SelectField
          label={t("goals.form.owner")}
          name="ownerId"
          value={draft.ownerId}
          onChange={set("ownerId")}
          placeholder={t("goals.form.ownerMe")}
          options={ownerOptions}
        />
      ) : null}
      {withStatus ? (
        <SelectField
          label={t("goals.form.status")}
          name="status"
          value={draft.status}
          onChange={set("status")}
          options={goalStatuses
            .filter((s) => s !== "retired")
            .map((s) => ({ value: s, label: t(`goals.statuses.${s}`) }))}
        />
      ) : null}
    </>
  );
}
