import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_ITEMS } from "../../../shared/schemas/assessments.ts";
import { Button } from "../../ui/button.tsx";
import { useField } from "../../ui/form/form-context.tsx";
import { NativeField } from "../../ui/native-field.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { TextField } from "../../ui/text-field.tsx";

/** One row of the items editor; numbers stay text while typed, converted on submit. */
export type ItemDraft = {
  key: string;
  id?: string;
  label: string;
  kind: "points" | "choice";
  standard: string;
  maxPoints: string;
  answerKey: string;
};

let counter = 0;
export const newItem = (label: string, standard = "", maxPoints = "1"): ItemDraft => ({
  key: `item-${++counter}`,
  label,
  kind: "points",
  standard,
  maxPoints,
  answerKey: "",
});

/** What the API takes: numbers as numbers (an empty one as missing, so its message says what to enter). */
export const itemsForApi = (items: ItemDraft[]) =>
  items.map(({ key: _key, id, maxPoints, ...rest }) => ({
    ...(id ? { id } : {}),
    ...rest,
    maxPoints: maxPoints.trim() === "" ? undefined : Number(maxPoints),
  }));

/** The next free "Q<n>" label. */
function nextLabel(items: ItemDraft[], offset = 0): string {
  const used = new Set(items.map((i) => i.label.toLowerCase()));
  let n = items.length + 1 + offset;
  while (used.has(`q${n}`)) n++;
  return `Q${n}`;
}

interface ItemsEditorProps {
  formId: string;
  items: ItemDraft[];
  onChange: (items: ItemDraft[]) => void;
  /** Once results exist only labels and standards change; the rest is shown read-only. */
  structureLocked?: boolean;
}

/**
 * The items of an assessment: one fieldset per item (label, standard, maximum points, kind, answer key),
 * Add an item / Remove item N, and "Add items" to add several at once. Focus goes to the new item's label
 * after adding, and to "Add an item" after removing, so the keyboard never loses its place.
 */
export function ItemsEditor({ formId, items, onChange, structureLocked }: ItemsEditorProps) {
  const { t } = useTranslation();
  const [focusId, setFocusId] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const itemsError = useField("items", `${formId}-items`).error;

  useEffect(() => {
    if (!focusId) return;
    if (focusId === "add") addRef.current?.focus();
    else document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const update = (n: number, change: Partial<ItemDraft>) =>
    onChange(items.map((item, i) => (i === n ? { ...item, ...change } : item)));
  const addMany = (howMany: number, standard: string) => {
    const room = Math.max(0, Math.min(howMany, MAX_ITEMS - items.length));
    const added: ItemDraft[] = [];
    for (let i = 0; i < room; i++) added.push(newItem(nextLabel([...items, ...added]), standard));
    if (added.length === 0) return;
    onChange([...items, ...added]);
    setFocusId(`${formId}-items-${items.length}-label`);
  };
  const remove = (n: number) => {
    onChange(items.filter((_, i) => i !== n));
    setFocusId("add");
  };

  return (
    <fieldset className="items-editor">
      <legend className="field__label">{t("assessments.items.legend")}</legend>
      <p className="field__description">
        {structureLocked ? t("assessments.items.lockedHint") : t("assessments.items.hint")}
      </p>
      {itemsError ? (
        <p className="inline-error" id={`${formId}-items`} tabIndex={-1}>
          {itemsError}
        </p>
      ) : null}
      <ol className="items-editor__list">
        {items.map((item, n) => (
          <li key={item.key}>
            <ItemRow
              item={item}
              n={n}
              locked={structureLocked === true}
              onUpdate={(change) => update(n, change)}
              onRemove={items.length > 1 ? () => remove(n) : undefined}
            />
          </li>
        ))}
      </ol>
      {structureLocked ? null : (
        <div className="items-editor__add">
          <Button ref={addRef} onPress={() => addMany(1, "")} isDisabled={items.length >= MAX_ITEMS}>
            {t("assessments.items.add")}
          </Button>
          <BulkAdd onAdd={addMany} />
        </div>
      )}
    </fieldset>
  );
}

type RowProps = {
  item: ItemDraft;
  n: number;
  locked: boolean;
  onUpdate: (change: Partial<ItemDraft>) => void;
  /** Absent for the last item left: an assessment keeps at least one. */
  onRemove?: () => void;
};

/** One item: its label and standard, and (until results exist) its points, kind, key and Remove. */
function ItemRow({ item, n, locked, onUpdate, onRemove }: RowProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="items-editor__item">
      <legend>{t("assessments.items.itemN", { n: n + 1 })}</legend>
      <TextField
        label={t("assessments.items.label", { n: n + 1 })}
        name={`items.${n}.label`}
        value={item.label}
        onChange={(label) => onUpdate({ label })}
        isRequired
        short
      />
      <TextField
        label={t("assessments.items.standard", { n: n + 1 })}
        name={`items.${n}.standard`}
        value={item.standard}
        onChange={(standard) => onUpdate({ standard })}
        short
      />
      {locked ? (
        <p className="items-editor__fixed">
          {item.kind === "choice"
            ? t("assessments.items.fixedChoice", { points: item.maxPoints, key: item.answerKey })
            : t("assessments.items.fixedPoints", { points: item.maxPoints })}
        </p>
      ) : (
        <>
          <ScoringFields item={item} n={n} onUpdate={onUpdate} />
          <div className="items-editor__remove">
            <Button size="small" variant="quiet" onPress={onRemove} isDisabled={!onRemove}>
              {t("assessments.items.remove", { n: n + 1 })}
            </Button>
          </div>
        </>
      )}
    </fieldset>
  );
}

function ScoringFields({ item, n, onUpdate }: Omit<RowProps, "locked" | "onRemove">) {
  const { t } = useTranslation();
  return (
    <>
      <NativeField
        type="number"
        label={t("assessments.items.maxPoints", { n: n + 1 })}
        name={`items.${n}.maxPoints`}
        value={item.maxPoints}
        onChange={(maxPoints) => onUpdate({ maxPoints })}
        min={0}
        isRequired
      />
      <SelectField
        label={t("assessments.items.kind", { n: n + 1 })}
        name={`items.${n}.kind`}
        value={item.kind}
        onChange={(kind) =>
          onUpdate({
            kind: kind === "choice" ? "choice" : "points",
            answerKey: kind === "choice" ? item.answerKey : "",
          })
        }
        options={[
          { value: "points", label: t("assessments.kinds.points") },
          { value: "choice", label: t("assessments.kinds.choice") },
        ]}
      />
      {item.kind === "choice" ? (
        <TextField
          label={t("assessments.items.answerKey", { n: n + 1 })}
          name={`items.${n}.answerKey`}
          description={t("assessments.items.answerKeyHint")}
          value={item.answerKey}
          onChange={(answerKey) => onUpdate({ answerKey: answerKey.slice(0, 1) })}
          isRequired
          short
        />
      ) : null}
    </>
  );
}

/** "Add several items at once": N more items labelled Q<next>, optionally all on one standard. */
function BulkAdd({ onAdd }: { onAdd: (howMany: number, standard: string) => void }) {
  const { t } = useTranslation();
  const [count, setCount] = useState("10");
  const [standard, setStandard] = useState("");
  return (
    <fieldset className="items-editor__bulk">
      <legend>{t("assessments.items.bulkLegend")}</legend>
      <NativeField
        type="number"
        label={t("assessments.items.bulkCount")}
        name="bulkCount"
        value={count}
        onChange={setCount}
        min={1}
        max={MAX_ITEMS}
      />
      <TextField
        label={t("assessments.items.bulkStandard")}
        name="bulkStandard"
        description={t("assessments.optional")}
        value={standard}
        onChange={setStandard}
        short
      />
      <Button onPress={() => onAdd(Math.trunc(Number(count)) || 0, standard.trim())}>
        {t("assessments.items.bulkAdd")}
      </Button>
    </fieldset>
  );
}
