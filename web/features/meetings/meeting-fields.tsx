import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { NativeField } from "../../ui/native-field.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { TextAreaField, TextField } from "../../ui/text-field.tsx";

/** The fields of one meeting as the form holds them (text, converted on submit). */
export interface MeetingFieldValues {
  title: string;
  date: string;
  startTime: string;
  durationMinutes: string;
  timeZone: string;
  place: string;
  videoUrl: string;
  description: string;
}

export function toMeetingFields(v: MeetingFieldValues) {
  return { ...v, durationMinutes: v.durationMinutes === "" ? Number.NaN : Number(v.durationMinutes) };
}

function useTimeZoneOptions(current: string) {
  return useMemo(() => {
    const zones = new Set(Intl.supportedValuesOf("timeZone"));
    zones.add("UTC");
    if (current) zones.add(current);
    return [...zones].sort().map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }));
  }, [current]);
}

interface MeetingFieldsProps {
  values: MeetingFieldValues;
  onChange: <K extends keyof MeetingFieldValues>(key: K, value: MeetingFieldValues[K]) => void;
}

/** Title, day, time, length, zone, place, link and description — shared by scheduling and editing. */
export function MeetingFields({ values, onChange }: MeetingFieldsProps) {
  const { t } = useTranslation();
  const zones = useTimeZoneOptions(values.timeZone);
  const set =
    <K extends keyof MeetingFieldValues>(key: K) =>
    (value: MeetingFieldValues[K]) =>
      onChange(key, value);
  return (
    <>
      <TextField
        label={t("meetingForm.titleLabel")}
        name="title"
        value={values.title}
        onChange={set("title")}
        description={t("meetingForm.titleHint")}
        isRequired
      />
      <div className="meeting-form__when">
        <NativeField
          label={t("meetingForm.date")}
          name="date"
          type="date"
          value={values.date}
          onChange={set("date")}
          description={t("meetingForm.dateHint")}
          isRequired
        />
        <NativeField
          label={t("meetingForm.startTime")}
          name="startTime"
          type="time"
          value={values.startTime}
          onChange={set("startTime")}
          description={t("meetingForm.startTimeHint")}
          isRequired
        />
        <NativeField
          label={t("meetingForm.duration")}
          name="durationMinutes"
          type="number"
          min={1}
          max={720}
          value={values.durationMinutes}
          onChange={set("durationMinutes")}
          description={t("meetingForm.durationHint")}
          isRequired
        />
      </div>
      <SelectField
        label={t("meetingForm.timeZone")}
        name="timeZone"
        value={values.timeZone}
        onChange={set("timeZone")}
        options={zones}
        description={t("meetingForm.timeZoneHint")}
      />
      <TextField
        label={t("meetingForm.place")}
        name="place"
        value={values.place}
        onChange={set("place")}
        description={t("meetingForm.placeHint")}
      />
      <TextField
        label={t("meetingForm.videoUrl")}
        name="videoUrl"
        type="url"
        inputMode="url"
        value={values.videoUrl}
        onChange={set("videoUrl")}
        description={t("meetingForm.videoUrlHint")}
      />
      <TextAreaField
        label={t("meetingForm.description")}
        name="description"
        value={values.description}
        onChange={set("description")}
        description={t("meetingForm.descriptionHint")}
        rows={3}
      />
    </>
  );
}
