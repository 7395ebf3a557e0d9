import { useId } from "react";
import { useTranslation } from "react-i18next";
import { describedBy, FieldFrame } from "../../ui/field-frame.tsx";
import { useField } from "../../ui/form/form-context.tsx";
import { formatSize } from "./api.ts";

const ACCEPT =
  ".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.txt,application/pdf,image/png,image/jpeg,image/gif,image/webp,text/plain";

interface FileInputProps {
  label: string;
  name: string;
  files: File[];
  onChange: (files: File[]) => void;
  description?: string;
}

/** A native file picker for several files; its error (e.g. a refused file) shows right under its label. */
export function FileInput({ label, name, files, onChange, description }: FileInputProps) {
  const { t } = useTranslation();
  const fallbackId = useId();
  const field = useField(name, fallbackId);
  return (
    <FieldFrame id={field.id} label={label} description={description} error={field.error}>
      <input
        id={field.id}
        name={name}
        type="file"
        multiple
        accept={ACCEPT}
        className="field__input artifact-file-input"
        onChange={(event) => onChange(Array.from(event.target.files ?? []))}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(field.id, Boolean(description), field.error)}
      />
      {files.length > 0 ? (
        <ul className="artifact-chosen" aria-label={t("artifacts.chosenFiles")}>
          {files.map((file) => (
            <li key={`${file.name}-${file.size}-${file.lastModified}`}>
              {file.name} <span className="artifact-muted">({formatSize(file.size)})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </FieldFrame>
  );
}

/** Links typed one per line → the API's `links` (names are taken from the address by the server). */
export const linksFrom = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((url) => ({ url, name: "" }));

/** While an upload is on its way: how much is sent, then that the server is checking the files. */
export function UploadProgress({ sent }: { sent: number | null }) {
  const { t } = useTranslation();
  const percent = Math.round((sent ?? 0) * 100);
  return (
    <div role="status" className="artifact-progress">
      <p className="artifact-muted">
        {percent < 100 ? t("artifacts.uploadingPercent", { percent }) : t("artifacts.checking")}
      </p>
      <progress max={100} value={percent} aria-label={t("artifacts.uploadProgress")} />
    </div>
  );
}
