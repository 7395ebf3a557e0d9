import { useTranslation } from "react-i18next";
import { type ArtifactFile, formatSize } from "./api.ts";

/** A version's files (download links, previews when ready) and links (opened in a new tab). */
export function FileList({ files, withPreviews = false }: { files: ArtifactFile[]; withPreviews?: boolean }) {
  const { t } = useTranslation();
  if (files.length === 0) return <p className="artifact-muted">{t("artifacts.noFiles")}</p>;
  return (
    <ul className="artifact-files">
      {files.map((file) => (
        <li key={file.id} className="artifact-file">
          {withPreviews && file.previewUrl ? (
            <img
              className="artifact-file__preview"
              src={file.previewUrl}
              alt={t("artifacts.previewAlt", { name: file.name })}
            />
          ) : null}
          <div>
            {file.kind === "link" && file.url ? (
              <a href={file.url} target="_blank" rel="noopener noreferrer">
                {t("artifacts.openLink", { name: file.name })}
              </a>
            ) : file.downloadUrl ? (
              <a href={file.downloadUrl} download={file.name}>
                {t("artifacts.download", { name: file.name })}
              </a>
            ) : null}
            {file.sizeBytes !== null ? (
              <span className="artifact-muted"> ({formatSize(file.sizeBytes)})</span>
            ) : null}
            {withPreviews && file.previewStatus === "pending" ? (
              <p className="artifact-muted">{t("artifacts.previewPending")}</p>
            ) : null}
            {withPreviews && file.previewStatus === "failed" ? (
              <p className="artifact-muted">{t("artifacts.previewFailed")}</p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
