import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type OrgRole, personInviteSchema } from "../../../shared/schemas/people.ts";
import { useLabels } from "../../i18n/labels.ts";
import { Button } from "../../ui/button.tsx";
import { ModalDialog } from "../../ui/dialog.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { SelectField } from "../../ui/select-field.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { SchoolPicker } from "../schools/school-picker.tsx";
import { invitePerson, peopleKeys } from "./api.ts";

/** "Invite person" button + dialog: email, name, district role, schools. */
export function InvitePersonButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onPress={() => setOpen(true)}>
        {t("people.inviteButton")}
      </Button>
      <ModalDialog title={t("people.inviteTitle")} isOpen={open} onOpenChange={setOpen}>
        <InvitePersonForm onDone={() => setOpen(false)} />
      </ModalDialog>
    </>
  );
}

function InvitePersonForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [orgRole, setOrgRole] = useState<OrgRole>("educator");
  const [schoolIds, setSchoolIds] = useState<string[]>([]);

  const form = useFormSubmit({
    schema: personInviteSchema,
    send: invitePerson,
    onSuccess: (_invitation, data) => {
      toast.success(t("invite.sent", { email: data.email }));
      void queryClient.invalidateQueries({ queryKey: peopleKeys.invitations });
      onDone();
    },
  });

  return (
    <Form id="invite-person" form={form} onSubmit={() => form.submit({ email, name, orgRole, schoolIds })}>
      <TextField
        label={t("people.email")}
        name="email"
        type="email"
        inputMode="email"
        autoComplete="off"
        value={email}
        onChange={setEmail}
      />
      <TextField
        label={t("people.name")}
        name="name"
        autoComplete="off"
        description={t("people.nameHint")}
        value={name}
        onChange={setName}
      />
      <SelectField
        label={t("people.districtRole")}
        name="orgRole"
        value={orgRole}
        onChange={(v) => setOrgRole(v as OrgRole)}
        options={labels.orgRoleOptions}
        description={labels.orgRoleDescription(orgRole)}
      />
      <SchoolPicker value={schoolIds} onChange={setSchoolIds} />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("invite.send")}
        </Button>
        <Button variant="quiet" onPress={onDone}>
          {t("common.cancel")}
        </Button>
      </FormActions>
    </Form>
  );
}
