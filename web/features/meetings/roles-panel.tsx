import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { type MeetingRole, meetingRoles } from "../../../shared/schemas/meeting-enums.ts";
import type { Meeting } from "../../../shared/schemas/meetings.ts";
import { Button } from "../../ui/button.tsx";
import { ModalDialog } from "../../ui/dialog.tsx";
import { FormActions } from "../../ui/form/form.tsx";
import { Section } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { setRoles } from "./api.ts";
import { useMeetingAction } from "./use-meeting-action.ts";

/** Who facilitates, keeps time and takes notes; facilitators assign them among active members. */
export function RolesPanel({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const holders = (role: MeetingRole) =>
    meeting.roles.filter((r) => r.role === role).map((r) => r.person.name);
  return (
    <Section
      title={t("meetingRoles.section")}
      id="roles"
      actions={
        meeting.can.editRoles ? (
          <Button size="small" onPress={() => setOpen(true)}>
            {t("meetingRoles.edit")}
          </Button>
        ) : null
      }
    >
      <dl className="definition-list">
        {meetingRoles.map((role) => (
          <Fragment key={role}>
            <dt>{t(`meetingRoles.${role}`)}</dt>
            <dd>{holders(role).join(", ") || <span className="muted">{t("meetingRoles.nobody")}</span>}</dd>
          </Fragment>
        ))}
      </dl>
      <ModalDialog title={t("meetingRoles.editTitle")} isOpen={open} onOpenChange={setOpen}>
        <RolesForm meeting={meeting} onDone={() => setOpen(false)} />
      </ModalDialog>
    </Section>
  );
}

function RolesForm({ meeting, onDone }: { meeting: Meeting; onDone: () => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Record<MeetingRole, string>>(() => {
    const first = (role: MeetingRole) => meeting.roles.find((r) => r.role === role)?.person.id ?? "";
    return {
      facilitator: first("facilitator"),
      timekeeper: first("timekeeper"),
      note_taker: first("note_taker"),
    };
  });
  const save = useMeetingAction(
    () =>
      setRoles(meeting.id, {
        assignments: meetingRoles.flatMap((role) => (chosen[role] ? [{ role, personId: chosen[role] }] : [])),
      }),
    t("meetingRoles.saved"),
    { onSuccess: onDone },
  );
  const options = meeting.members.map((m) => ({ value: m.id, label: m.name }));
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <p className="muted">{t("meetingRoles.hint")}</p>
      {meetingRoles.map((role) => (
        <SelectField
          key={role}
          label={t(`meetingRoles.${role}`)}
          value={chosen[role]}
          onChange={(personId) => setChosen((c) => ({ ...c, [role]: personId }))}
          options={options}
          placeholder={t("meetingRoles.unassigned")}
        />
      ))}
      <FormActions>
        <Button type="submit" variant="primary" isPending={save.isPending}>
          {t("meetingRoles.save")}
        </Button>
        <Button variant="quiet" onPress={onDone}>
          {t("common.cancel")}
        </Button>
      </FormActions>
    </form>
  );
}
