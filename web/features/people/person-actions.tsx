import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type OrgRole, type Person, personAdminUpdateSchema } from "../../../shared/schemas/people.ts";
import { useLabels } from "../../i18n/labels.ts";
import { Button } from "../../ui/button.tsx";
import { ConfirmDialog, ModalDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { SelectField } from "../../ui/select-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { SchoolPicker } from "../schools/school-picker.tsx";
import { peopleKeys, updatePerson } from "./api.ts";

/** Change a person's district role and schools. */
export function EditPersonButton({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        onPress={() => setOpen(true)}
        accessibleName={t("people.editFor", { name: person.name })}
      >
        {t("people.edit")}
      </Button>
      <ModalDialog title={t("people.editTitle", { name: person.name })} isOpen={open} onOpenChange={setOpen}>
        <EditPersonForm person={person} onDone={() => setOpen(false)} />
      </ModalDialog>
    </>
  );
}

function EditPersonForm({ person, onDone }: { person: Person; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [orgRole, setOrgRole] = useState<OrgRole>(person.orgRole);
  const [schoolIds, setSchoolIds] = useState<string[]>(person.schoolIds);
  const form = useFormSubmit({
    schema: personAdminUpdateSchema,
    send: (data) => updatePerson(person.id, data),
    onSuccess: () => {
      toast.success(t("people.saved", { name: person.name }));
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      onDone();
    },
  });
  return (
    <Form id={`edit-person-${person.id}`} form={form} onSubmit={() => form.submit({ orgRole, schoolIds })}>
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
          {t("common.saveChanges")}
        </Button>
        <Button variant="quiet" onPress={onDone}>
          {t("common.cancel")}
        </Button>
      </FormActions>
    </Form>
  );
}

/** Deactivate (can no longer sign in; nothing is deleted) or reactivate, after a confirmation. */
export function StatusButton({ person }: { person: Person }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const deactivating = person.status === "active";
  const change = useMutation({
    mutationFn: () => updatePerson(person.id, { status: deactivating ? "deactivated" : "active" }),
    onSuccess: () => {
      toast.success(
        deactivating
          ? t("people.deactivated", { name: person.name })
          : t("people.reactivated", { name: person.name }),
      );
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      setOpen(false);
    },
  });
  const label = deactivating ? t("people.deactivate") : t("people.reactivate");
  return (
    <>
      <Button
        size="small"
        variant="quiet"
        onPress={() => {
          change.reset();
          setOpen(true);
        }}
        accessibleName={
          deactivating
            ? t("people.deactivateFor", { name: person.name })
            : t("people.reactivateFor", { name: person.name })
        }
      >
        {label}
      </Button>
      <ConfirmDialog
        title={
          deactivating
            ? t("people.deactivateTitle", { name: person.name })
            : t("people.reactivateTitle", { name: person.name })
        }
        isOpen={open}
        onOpenChange={setOpen}
        confirmLabel={label}
        onConfirm={() => change.mutate()}
        isPending={change.isPending}
        destructive={deactivating}
        error={change.isError ? describeError(change.error, t) : null}
      >
        <p>
          {deactivating
            ? t("people.deactivateBody", { name: person.name })
            : t("people.reactivateBody", { name: person.name })}
        </p>
      </ConfirmDialog>
    </>
  );
}
