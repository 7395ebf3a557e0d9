import { useTranslation } from "react-i18next";
import type { MeetingSummary } from "../../../shared/schemas/meetings.ts";
import { useFormat } from "../../ui/format.tsx";

/** A meeting's start in the viewer's zone, with the meeting's own clock when its zone differs. */
export function MeetingWhen({ meeting }: { meeting: Pick<MeetingSummary, "startsAt" | "timeZone"> }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const when = format.dateTime(meeting.startsAt);
  if (sameOffset(meeting.startsAt, meeting.timeZone, format.timeZone)) {
    return <time dateTime={meeting.startsAt}>{when}</time>;
  }
  const local = new Intl.DateTimeFormat(i18n.language, {
    timeZone: meeting.timeZone,
    timeStyle: "short",
  }).format(new Date(meeting.startsAt));
  return (
    <time dateTime={meeting.startsAt}>
      {t("meetings.whenOtherZone", { when, local, timeZone: meeting.timeZone.replaceAll("_", " ") })}
    </time>
  );
}

/** Whether two zones show the same clock time at an instant (then one time is enough). */
function sameOffset(iso: string, a: string, b: string): boolean {
  if (a === b) return true;
  try {
    const clock = (timeZone: string) =>
      new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "short", timeStyle: "short" }).format(
        new Date(iso),
      );
    return clock(a) === clock(b);
  } catch {
    return false;
  }
}
