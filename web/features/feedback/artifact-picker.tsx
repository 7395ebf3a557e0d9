import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../ui/select-field.tsx";
import { artifactChoicesQuery } from "./api.ts";

interface ArtifactPickerProps {
  communityId: string;
  name: string;
  value: string;
  onChange: (artifactId: string) => void;
  /** The artifact already linked, so it stays choosable while the list loads (or if archived). */
  current?: { id: string; title: string } | null;
}

/** Which of the community's work samples a protocol run presents (feedback given in the room shows on it). */
export function ArtifactPicker({ communityId, name, value, onChange, current }: ArtifactPickerProps) {
  const { t } = useTranslation();
  const choices = useQuery(artifactChoicesQuery(communityId));
  const items = choices.data?.items ?? [];
  const options = [...(current && !items.some((i) => i.id === current.id) ? [current] : []), ...items].map(
    (a) => ({ value: a.id, label: a.title }),
  );
  const description = choices.isError
    ? t("feedback.picker.failed")
    : choices.isSuccess && items.length === 0
      ? t("feedback.picker.none")
      : t("feedback.picker.hint");
  return (
    <SelectField
      label={t("feedback.picker.label")}
      name={name}
      value={value}
      onChange={onChange}
      placeholder={t("feedback.picker.noArtifact")}
      options={options}
      description={description}
    />
  );
}
