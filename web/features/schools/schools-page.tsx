import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type School, schoolInputSchema } from "../../../shared/schemas/schools.ts";
import { Button } from "../../ui/button.tsx";
import { ModalDialog } from "../../ui/dialog.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Page, Section } from "../../ui/page.tsx";
import { Badge, EmptyState, QueryView } from "../../ui/states.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { adminAccess, useMe } from "../auth/me.ts";
import { NoAccess } from "../shell/error-page.tsx";
import { createSchool, renameSchool, schoolsKey, schoolsQuery } from "./api.ts";

/** The district's schools: who is in each, who leads it; administrators add and rename. */
export function SchoolsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const access = adminAccess(me);
  const query = useQuery(schoolsQuery);
  if (!access.schools) return <NoAccess message={t("schools.noAccess")} />;
  return (
    <Page
      title={t("schools.title")}
      lead={<p>{t("schools.lead", { organization: me.organization.name })}</p>}
    >
      {access.manageSchools ? <AddSchoolForm /> : null}
      <Section title={t("schools.listTitle")} id="schools">
        <QueryView query={query} loadingLabel={t("schools.loading")}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState title={t("schools.emptyTitle")}>
                <p>{access.manageSchools ? t("schools.emptyHint") : t("schools.emptyHintReadOnly")}</p>
              </EmptyState>
            ) : (
              <SchoolTable schools={data.items} canManage={access.manageSchools} />
            )
          }
        </QueryView>
      </Section>
    </Page>
  );
}

function SchoolTable({ schools, canManage }: { schools: School[]; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <thead>
          <tr>
            <th scope="col">{t("schools.colName")}</th>
            <th scope="col">{t("schools.colMembers")}</th>
            <th scope="col">{t("schools.colLeaders")}</th>
          </tr>
        </thead>
        <tbody>
          {schools.map((school) => (
            <tr key={school.id}>
              <td>
                {/* The rename action sits with the name it changes. */}
                <span className="cluster">
                  <span className="table__primary">{school.name}</span>
                  {school.archived ? <Badge tone="warning">{t("schools.archived")}</Badge> : null}
                  {canManage ? <RenameSchoolButton school={school} /> : null}
                </span>
              </td>
              <td data-label={t("schools.colMembers")}>{school.memberCount}</td>
              <td data-label={t("schools.colLeaders")}>
                {school.leaderNames.length > 0 ? school.leaderNames.join(", ") : t("schools.noLeaders")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddSchoolForm() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const form = useFormSubmit({
    schema: schoolInputSchema,
    send: createSchool,
    onSuccess: (school) => {
      toast.success(t("schools.added", { name: school.name }));
      setName("");
      void queryClient.invalidateQueries({ queryKey: schoolsKey });
    },
  });
  return (
    <Section title={t("schools.addTitle")} id="add-school">
      <Form id="add-school-form" form={form} onSubmit={() => form.submit({ name })}>
        <TextField label={t("schools.name")} name="name" value={name} onChange={setName} />
        <FormActions>
          <Button type="submit" variant="primary" isPending={form.isPending}>
            {t("schools.add")}
          </Button>
        </FormActions>
      </Form>
    </Section>
  );
}

function RenameSchoolButton({ school }: { school: School }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        onPress={() => setOpen(true)}
        accessibleName={t("schools.renameFor", { name: school.name })}
      >
        {t("schools.rename")}
      </Button>
      <ModalDialog
        title={t("schools.renameTitle", { name: school.name })}
        isOpen={open}
        onOpenChange={setOpen}
      >
        <RenameSchoolForm school={school} onDone={() => setOpen(false)} />
      </ModalDialog>
    </>
  );
}

function RenameSchoolForm({ school, onDone }: { school: School; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState(school.name);
  const form = useFormSubmit({
    schema: schoolInputSchema,
    send: (data) => renameSchool(school.id, data),
    onSuccess: (saved) => {
      toast.success(t("schools.renamed", { name: saved.name }));
      void queryClient.invalidateQueries({ queryKey: schoolsKey });
      onDone();
    },
  });
  return (
    <Form id={`rename-school-${school.id}`} form={form} onSubmit={() => form.submit({ name })}>
      <TextField label={t("schools.name")} name="name" value={name} onChange={setName} />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("schools.saveName")}
        </Button>
        <Button variant="quiet" onPress={onDone}>
          {t("common.cancel")}
        </Button>
      </FormActions>
    </Form>
  );
}
