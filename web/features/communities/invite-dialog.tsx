import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type CommunityRole, communityInviteSchema } from "../../../shared/schemas/communities.ts";
import { useLabels } from "../../i18n/labels.ts";
import { Button } from "../../ui/button.tsx";
import { ModalDialog } from "../../ui/dialog.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { SelectField } from "../../ui/select-field.tsx";
import { TextAreaField, TextField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { communityKeys, inviteToCommunity } from "./api.ts";

interface InviteDialogProps {
  communityId: string;
  communityName: string;
}

/** "Invite" button + dialog: email, community role, optional message. */
export function InviteButton({ communityId, communityName }: InviteDialogProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onPress={() => setOpen(true)}>
        {t("invite.button")}
      </Button>
      <ModalDialog
        title={t("invite.title", { community: communityName })}
        isOpen={open}
        onOpenChange={setOpen}
      >
        <InviteForm communityId={communityId} onDone={() => setOpen(false)} />
      </ModalDialog>
    </>
  );
}

function InviteForm({ communityId, onDone }: { communityId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<CommunityRole>("member");
  const [message, setMessage] = useState("");

  const form = useFormSubmit({
    schema: communityInviteSchema,
    send: (data, key) => inviteToCommunity(communityId, data, key),
    onSuccess: (_invitation, data) => {
      toast.success(t("invite.sent", { email: data.email }));
      void queryClient.invalidateQueries({ queryKey: communityKeys.invitations(communityId) });
      onDone();
    },
  });

  return (
    <Form id="invite-to-community" form={form} onSubmit={() => form.submit({ email, role, message })}>
      <TextField
        label={t("invite.email")}
        name="email"
        type="email"
        inputMode="email"
        autoComplete="off"
        value={email}
        onChange={setEmail}
      />
      <SelectField
        label={t("invite.role")}
        name="role"
        value={role}
        onChange={(v) => setRole(v as CommunityRole)}
        options={labels.roleOptions}
        description={labels.roleDescription(role)}
      />
      <TextAreaField
        label={t("invite.message")}
        name="message"
        description={t("invite.messageHint")}
        value={message}
        onChange={setMessage}
        rows={3}
      />
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
