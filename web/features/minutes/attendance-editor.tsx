import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CommunityRole, communityRoles } from "../../../shared/schemas/communities.ts";
import { describeError } from "../../ui/form/field-errors.ts";
import { QueryView } from "../../ui/states.tsx";
import { FieldErrorText } from "../../ui/text-field.tsx";
import { type AttendanceEntry, attendanceQuery, minutesKeys, setAttendance } from "./api.ts";
import "../../ui/field.css";

const isCommunityRole = (role: string | null): role is CommunityRole =>
  communityRoles.some((known) => known === role);

type Change = { entry: AttendanceEntry; present: boolean };

/**
 * The meeting's people, one checkbox each, saved the moment it changes. The minutes keep showing the
 * old attendance until they are regenerated, so every saved change is reported through onSaved.
 */
export function AttendanceEditor({ meetingId, onSaved }: { meetingId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const query = useQuery(attendanceQuery(meetingId));
  return (
    <QueryView query={query} loadingLabel={t("minutes.attendanceLoading")}>
      {(attendance) =>
        attendance.can.edit ? (
          <AttendanceChecklist meetingId={meetingId} entries={attendance.items} onSaved={onSaved} />
        ) : (
          <p className="muted">{t("minutes.attendanceNotAllowed")}</p>
        )
      }
    </QueryView>
  );
}

function AttendanceChecklist(props: { meetingId: string; entries: AttendanceEntry[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // What was asked for while the save is on its way (shown at once), and refusals by person.
  const [pending, setPending] = useState<Readonly<Record<string, boolean>>>({});
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [announcement, setAnnouncement] = useState("");
  const without = <V,>(map: Readonly<Record<string, V>>, key: string) => {
    const { [key]: _, ...rest } = map;
    return rest;
  };
  const save = useMutation({
    mutationFn: ({ entry, present }: Change) => setAttendance(props.meetingId, entry.personId, present),
    onSuccess: (fresh, { entry, present }) => {
      queryClient.setQueryData(minutesKeys.attendance(props.meetingId), fresh);
      setAnnouncement(t(present ? "minutes.markedPresent" : "minutes.markedAbsent", { name: entry.name }));
      props.onSaved();
    },
    onError: (error, { entry }) => {
      setErrors((map) => ({ ...map, [entry.personId]: describeError(error, t) }));
      setAnnouncement("");
    },
    onSettled: (_data, _error, { entry }) => setPending((map) => without(map, entry.personId)),
  });
  // Shown in the same event as the click: a controlled checkbox set later (when the mutation starts)
  // flips back for a moment first.
  const change = (asked: Change) => {
    setPending((map) => ({ ...map, [asked.entry.personId]: asked.present }));
    setErrors((map) => without(map, asked.entry.personId));
    save.mutate(asked);
  };
  return (
    <fieldset className="fieldset choice-group attendance-editor no-print">
      <legend className="choice-group__legend">{t("minutes.attendanceLegend")}</legend>
      <span className="field__description">{t("minutes.attendanceHint")}</span>
      <ul className="attendance-editor__list">
        {props.entries.map((entry) => (
          <PersonChoice
            key={entry.personId}
            entry={entry}
            checked={pending[entry.personId] ?? entry.present}
            saving={entry.personId in pending}
            error={errors[entry.personId]}
            onChange={(present) => change({ entry, present })}
          />
        ))}
      </ul>
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </fieldset>
  );
}

interface PersonChoiceProps {
  entry: AttendanceEntry;
  checked: boolean;
  saving: boolean;
  error: string | undefined;
  onChange: (present: boolean) => void;
}

/** One person: "present" ticked or not, with their role and how their presence was recorded. */
function PersonChoice({ entry, checked, saving, error, onChange }: PersonChoiceProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const errorId = useId();
  const role = isCommunityRole(entry.role) ? t(`communityRoles.${entry.role}`) : t("minutes.notMember");
  const source = saving
    ? t("minutes.attendanceSaving")
    : entry.source === "joined"
      ? t("minutes.sourceJoined")
      : entry.source === "manual"
        ? t("minutes.sourceManual")
        : t("minutes.sourceNone");
  // The hint and the error sit outside the label so the checkbox is named by the person alone.
  // It stays enabled while saving (disabling would drop keyboard focus); a second press then waits.
  return (
    <li className="attendance-editor__person" data-invalid={error ? true : undefined}>
      <label className="choice">
        <input
          type="checkbox"
          className="choice__input"
          checked={checked}
          onChange={(event) => {
            if (!saving) onChange(event.target.checked);
          }}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
        />
        <span className="choice__text">{entry.name}</span>
      </label>
      <span className="choice__hint attendance-editor__hint" id={hintId}>
        {t("minutes.personFacts", { role, source })}
      </span>
      {error ? (
        <span id={errorId} className="field__error attendance-editor__hint">
          <FieldErrorText>{error}</FieldErrorText>
        </span>
      ) : null}
    </li>
  );
}
