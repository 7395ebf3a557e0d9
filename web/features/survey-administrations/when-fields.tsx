import { NativeField } from "../../ui/native-field.tsx";

export type WallClock = { date: string; time: string };

/** A date and a time side by side (wrapping on phones); the date field carries the API's field name. */
export function WhenFields(props: {
  name: "opensAt" | "closesAt";
  dateLabel: string;
  timeLabel: string;
  value: WallClock;
  onChange: (value: WallClock) => void;
}) {
  const { value, onChange } = props;
  return (
    <div className="send-survey__when">
      <NativeField
        label={props.dateLabel}
        name={props.name}
        type="date"
        value={value.date}
        onChange={(date) => onChange({ ...value, date })}
      />
      <NativeField
        label={props.timeLabel}
        name={`${props.name}Time`}
        type="time"
        value={value.time}
        onChange={(time) => onChange({ ...value, time })}
      />
    </div>
  );
}
