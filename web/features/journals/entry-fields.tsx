import { useTranslation } from "react-i18next";
import { journalPrompts } from "../../../shared/reflection/prompts.ts";
import { NativeField } from "../../ui/native-field.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { TextAreaField, TextField } from "../../ui/text-field.tsx";

export type EntryDraft = { prompt: string; title: string; body: string; writtenOn: string };

/** The fields of an entry, the same for writing one and editing it. */
export function EntryFields({ draft, onChange }: { draft: EntryDraft; onChange: (d: EntryDraft) => void }) {
  const { t } = useTranslation();
  const set = (key: keyof EntryDraft) => (value: string) => onChange({ ...draft, [key]: value });
  return (
    <>
      <SelectField
        label={t("journal.fieldPrompt")}
        name="prompt"
        value={draft.prompt}
        placeholder={t("journal.noPrompt")}
        options={journalPrompts.map((p) => ({ value: p.key, label: t(`journal.prompt.${p.key}`) }))}
        onChange={set("prompt")}
        description={t("journal.fieldPromptHint")}
      />
      <TextField
        label={t("journal.fieldTitle")}
        name="title"
        value={draft.title}
        onChange={set("title")}
        description={t("journal.fieldTitleHint")}
      />
      <TextAreaField
        label={t("journal.fieldBody")}
        name="body"
        value={draft.body}
        onChange={set("body")}
        description={t("journal.fieldBodyHint")}
        rows={10}
      />
      <NativeField
        label={t("journal.fieldWrittenOn")}
        name="writtenOn"
        type="date"
        value={draft.writtenOn}
        onChange={set("writtenOn")}
        description={t("journal.fieldWrittenOnHint")}
      />
    </>
  );
}

/** The draft as the API takes it: empty choices are null. */
export const draftInput = (d: EntryDraft) => ({
  prompt: d.prompt || null,
  title: d.title,
  body: d.body,
  writtenOn: d.writtenOn || null,
});
