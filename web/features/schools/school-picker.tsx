import { useTranslation } from "react-i18next";
import { CheckboxGroupField } from "../../ui/choice-fields.tsx";
import { Loading } from "../../ui/states.tsx";
import { useSchoolOptions } from "./api.ts";

interface SchoolPickerProps {
  label?: string;
  name?: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  description?: string;
}

/** Choose schools from the district's list (checkboxes: every school visible, no hidden menu). */
export function SchoolPicker({ label, name = "schoolIds", value, onChange, description }: SchoolPickerProps) {
  const { t } = useTranslation();
  const { query, options } = useSchoolOptions(value);
  if (query.isPending) return <Loading label={t("schools.loading")} lines={2} />;
  if (query.isError) {
    return (
      <p className="field__description" role="alert">
        {t("schools.loadFailed")}
      </p>
    );
  }
  if (options.length === 0) {
    return (
      <div className="field">
        <span className="field__label">{label ?? t("schools.label")}</span>
        <span className="field__description">{t("schools.noneYet")}</span>
      </div>
    );
  }
  return (
    <CheckboxGroupField
      label={label ?? t("schools.label")}
      name={name}
      value={value}
      onChange={onChange}
      options={options}
      description={description}
    />
  );
}
